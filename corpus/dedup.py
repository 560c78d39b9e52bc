"""Near-duplicate fingerprints: MinHash over character shingles, banded for LSH lookup.

Republished copies differ in furniture, punctuation, script and inserted cruft, so the
shingles are 5-grams of the Chinese characters alone, taken after traditional→simplified
conversion: a traditional mirror of an article has the same fingerprint as the original.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 20
# Estimated Jaccard similarity above which two articles are copies of one another.
THRESHOLD = 0.75
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SEED = 7


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature and its LSH band buckets."""

    signature: np.ndarray
    buckets: tuple[str, ...]

    def to_bytes(self) -> bytes:
        """The signature as bytes, for storage."""
        return self.signature.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """A stored signature back as an array."""
    return np.frombuffer(data, dtype="<u8")


def shingles(text: str) -> set[bytes]:
    """Character 5-grams of the Chinese text, as UTF-8 bytes."""
    chars = "".join(_CJK.findall(text))
    return {chars[i : i + SHINGLE].encode("utf-8") for i in range(len(chars) - SHINGLE + 1)}


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of an article's clean text; None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch(list(grams))
    sig = mh.hashvalues.astype(np.uint64)
    buckets = tuple(
        hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    )
    return Fingerprint(sig, buckets)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
