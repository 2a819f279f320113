"""The demo's hero picture: every placard reads whole, none cut off by the picture's edge."""

import pytest

from home.demo_art import PLACARD_MARGIN, draw_hero

SLOGANS = ["LABOUR VICTORY", "TORIES OUT", "FIGHT FOR OUR CLASS"]


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_no_placard_touches_the_edge_of_the_hero_picture(seed):
    hero = draw_hero("#b0001e", SLOGANS, seed=seed)
    width, height = hero.size
    edges = [(x, y) for x in (*range(PLACARD_MARGIN), *range(width - PLACARD_MARGIN, width)) for y in range(height)]

    # Placards are the only near-white things in the picture (the sky and the crowd are shades of the brand colour).
    assert not [point for point in edges if min(hero.getpixel(point)) > 200]
