"""Event bus adapters (``core.ports.EventBus``): the embedded SQLite outbox, Kafka, and the relay
that drains the outbox to Kafka. Nothing here is imported until the composition root asks for it."""
