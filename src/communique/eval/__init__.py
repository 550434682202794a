"""Scoring communique's output against gold files (`communique eval GOLD.jsonl`)."""

from communique.eval.scorer import (
    METRIC_NAMES,
    ArticleDetail,
    CleanFailure,
    EvalReport,
    PairMismatch,
    SetMismatch,
    ValueMismatch,
    format_report,
    score,
)

__all__ = [
    "METRIC_NAMES",
    "ArticleDetail",
    "CleanFailure",
    "EvalReport",
    "PairMismatch",
    "SetMismatch",
    "ValueMismatch",
    "format_report",
    "score",
]
