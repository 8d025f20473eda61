"""Duty-officer intelligence: template-first Q&A over the graph, validated text-to-Cypher, event search.

Arrives with issue #5; the package exists now so the layout and import rules are fixed from day one.
"""
