"""Paper for the street and the hand-in: blank signature sheets, the hand-in pack and count certificates."""
