"""Faust wiring only: decode, call one pure stage, send. One module per stage."""
