"""Integrations with cluster frameworks (optional extras): Dask, and a helper for Spark."""

__all__: list[str] = []
