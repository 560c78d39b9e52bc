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

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 20
# Estimated Jaccard similarity above which two articles are copies of one another.
THRESHOLD = 0.75
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SEED = 7
# MinHash written here rather than taken from datasketch: datasketch hashes each shingle with
# SHA-1 in Python and permutes with 64-bit modular arithmetic, 3.3 s of an 8.6 s corpus ingest.
# Shingles are hashed in numpy and mixed to 32 well-spread bits; each of the NUM_PERM hash
# functions is that hash XOR a random mask, and the signature keeps each one's minimum.
_BASE = np.uint64(0x100000001B3)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_MAX = np.uint64((1 << 32) - 1)
_MASKS = np.random.RandomState(_SEED).randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)


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


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the distinct character 5-grams of the text's Chinese characters.

    Computed with numpy over code points (a polynomial of the five, then a 64→32-bit mix)
    instead of hashing each 5-gram string in Python.
    """
    chars = "".join(_CJK.findall(text))
    if len(chars) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    cps = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cps) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        h = h * _BASE + cps[k : k + n]
    h ^= h >> np.uint64(29)
    h *= _MIX
    h ^= h >> np.uint64(32)
    return np.unique((h & _MAX).astype(np.uint32))


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of an article's clean text; None when it is too short to compare."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    sig = (hashes[:, None] ^ _MASKS).min(axis=0).astype(np.uint64)
    buckets = tuple(
        hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    )
    return Fingerprint(sig, buckets)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
