"""Digital emergency plans (数字化预案): DOCX/PDF import, GB/T 29639 structuring, review, versions.

Arrives with issue #4; the package exists now so the layout and import rules are fixed from day one.
"""
