"""Monthly US-Afghanistan conflict and cooperation counts, with a plot.

Codes a small stream of dated news sentences (written for this example), counts events between US and
Afghan actors (either direction) by month and QuadClass, prints the table and draws it.

Usage: python examples/monthly_counts.py [OUT.png]
"""

from __future__ import annotations

import sys

import eventcode
from eventcode.analysis.plot import plot_series

NEWS = [
    ("2021-01-12", "U.S. envoy Zalmay Khalilzad met Afghan government negotiators in Kabul."),
    ("2021-01-25", "The United States pledged $300 million in aid to Afghanistan."),
    ("2021-02-03", "U.S. aircraft bombed Taliban positions in Helmand province."),
    ("2021-02-17", "Afghan President Ashraf Ghani criticized the United States over the troop withdrawal."),
    ("2021-03-08", "The United States urged the Taliban to reduce violence."),
    ("2021-03-22", "U.S. forces killed six Taliban fighters in Kandahar."),
    ("2021-04-14", "Washington announced it would withdraw all troops from Afghanistan."),
    ("2021-04-30", "The Taliban attacked a U.S. base in Helmand."),
]


def main(out: str = "us_afghanistan.png") -> list[dict[str, object]]:
    coder = eventcode.Coder()
    events = [e for date, text in NEWS for e in coder.code(text, date=date)]
    pair = {"USA", "AFG"}
    dyadic = [e for e in events
              if (e.actor and e.target and {e.actor.country, e.target.country} == pair)
              or (e.actor and e.target and e.actor.country in pair and (e.target.code or "").startswith("AFG"))]
    table = eventcode.counts(dyadic, by=["undirected_dyad", "quad_class"], period="month", zero_fill=True)
    rows = table.records()
    for row in rows:
        if row["events"]:
            print(row)
    plot_series(dyadic, out, country="USA", period="month", title="US-Afghanistan events by month")
    print(f"wrote {out}")
    return rows


if __name__ == "__main__":
    main(*sys.argv[1:2])
