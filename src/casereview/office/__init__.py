"""Office files written whole: the atomic replace every export and the 法制审核意见书 use, and the
公文 layout (GB/T 9704) of python-docx documents. Below both ``export`` and ``legal``."""
