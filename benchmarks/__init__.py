"""Benchmarks: each benchmarks/bench_*.py has a main() that prints its figures."""
