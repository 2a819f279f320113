"""Hosts: the supporters who run an accepted activity, and what they may do for it through their private link."""
