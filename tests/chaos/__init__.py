"""Fault injection: a random workload through the real handlers against moto, with
DynamoDB, Lambda, stream and Telegram failures injected from a recorded seed, then the
system's promises checked once it has recovered (see test_chaos.py and `python -m bench
chaos`)."""
