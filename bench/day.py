"""The day the generated benchmark data is made for (``bench.generate.generate``'s default ``today``): meetings are held before it and its 年度's books are open.
The benchmarks run the program on this day, not the calendar's (from 2027-04-01 a new 年度 would have no books)."""

from datetime import date

TODAY = date(2026, 11, 28)
