"""Native coding: Korean, Vietnamese and Turkish news coded in their own language.

Language-independent components (actors, people, roles, frames, status, dates, sectors) read
their knowledge from data/<lang>/; `NativeCoder` runs them over an article the language's
analyzer (language/native) has split into sentences and tokens.
"""

from .coder import NativeCoder

__all__ = ["NativeCoder"]
