"""Introductions: signers who asked to meet other supporters in their constituency or union branch."""
