"""Runnable benchmarks: `python -m benchmarks` (pipeline speed, start-up, memory -> benchmarks/results.md),
`python -m benchmarks.store` (query latency on a generated store), `python -m benchmarks.merge` (merging
growth), `python -m benchmarks.profile` (where the pipeline's time goes). The bench_*.py scripts are the
stage owners' own focused benchmarks; `python -m benchmarks --components` runs them too."""
