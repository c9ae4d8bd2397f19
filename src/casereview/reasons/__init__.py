"""The reason library (常用理由库): reusable reasons with their legal basis per standard item."""
