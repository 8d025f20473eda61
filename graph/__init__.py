"""Graph layer: the GraphStore adapters, migrations, and all Cypher of SafeCloud."""
