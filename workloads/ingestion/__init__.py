"""Data ingestion: streaming (Kafka protocol) and batch (relational sources) into the raw
and curated zones. The cloud side (zones, event stream, identity) is in components/;
the workload itself lands with the streaming and batch parts of issue 15."""
