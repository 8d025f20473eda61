"""Vision detections (helmet, smoke, fire, fire lane …) that become events in the graph.

Arrives with a later issue; the package exists now so the layout and import rules are fixed.
"""
