"""Graph: the embedded store, and projections of it to networkx for analysis and pages."""

from medkg.graph.store import Store, default_store_path, format_for  # noqa: F401
