"""法制审核 (legal review) of draft case files: the written opinion, drafted from the precheck standard."""

from casereview.legal.opinion import (
    Conclusion,
    LegalOpinion,
    OpinionProblem,
    draft_opinion,
    validate_opinion,
    write_opinion_docx,
)

__all__ = [
    "Conclusion",
    "LegalOpinion",
    "OpinionProblem",
    "draft_opinion",
    "validate_opinion",
    "write_opinion_docx",
]
