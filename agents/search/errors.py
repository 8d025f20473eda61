"""Search-index errors (under ``SafeCloudError``; HTTP mapping stays in ``api/errors.py``).

    SafeCloudError
    └── SearchError               the search index failed or cannot be reached
        └── SearchIndexLockedError  embedded Qdrant folder held by another process

Messages are Chinese; a locked folder's message says how to proceed.
"""

from __future__ import annotations

from core.errors import SafeCloudError


class SearchError(SafeCloudError):
    code = "search_error"


class SearchIndexLockedError(SearchError):
    code = "search_index_locked"
