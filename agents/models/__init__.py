"""Model registry (first slice of 算法模型广场): which models SafeCloud can run, where they are, and
whether the bytes on disk are the ones we expect."""
