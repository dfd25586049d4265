"""Measurements of the ``rag`` package, run from a checkout (``rag bench`` or ``python -m benchmarks``).

This folder is not part of the installed package. Modules: ``latency`` (warm ask against one bare
query encoding), ``build`` (fresh build and rebuild against bare encoding), ``cold_start`` (a fresh
``rag ask`` process), ``memory`` (pipeline and ``rag serve`` RSS), ``scale`` (10k/100k/1M passages),
``report`` (tables and files) and ``run`` (the registry and the runner).
"""
