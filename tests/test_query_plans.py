"""Every filter the commands offer is served by an index (issue 6): no full scan creeps back."""

import re
import sqlite3

import pytest

from syriacli import queries
from syriacli.queries import Filters

SCAN = re.compile(r"^SCAN (articles|events|entries|figures|mentions)\b")

CASES = {
    "search with filters": lambda: (
        *queries.search_sql(
            Filters(date_from="2016-01-01", publisher="RT", about="palmyra", limit=20)
        ),
        {"query": '"x"'},
    ),
    "articles by publisher": lambda: (*queries.articles_sql(Filters(publisher="rt")), {}),
    "articles by date": lambda: (
        *queries.articles_sql(Filters(date_from="2016-01-01", date_to="2016-12-31")),
        {},
    ),
    "articles about": lambda: (*queries.articles_sql(Filters(about="palmyra")), {}),
    "timeline one month": lambda: (
        *queries.timeline_sql(Filters(date_from="2016-03-01", date_to="2016-03-31"), None),
        {},
    ),
    "timeline about and publisher": lambda: (
        *queries.timeline_sql(
            Filters(date_from="2016-03-01", date_to="2016-03-31", about="palmyra", publisher="RT"),
            None,
            "Palmyra",
        ),
        {},
    ),
    "timeline one month of a publisher": lambda: (
        *queries.timeline_sql(
            Filters(date_from="2016-03-01", date_to="2016-03-31", publisher="RT"), None
        ),
        {},
    ),
    "timeline of a publisher": lambda: (*queries.timeline_sql(Filters(publisher="RT"), None), {}),
    "timeline without background of one month": lambda: (
        *queries.timeline_sql(
            Filters(date_from="2016-03-01", date_to="2016-03-31", background=False), None
        ),
        {},
    ),
    "figures metric": lambda: (*queries.figures_sql(["sorties"], Filters(), None), {}),
    "figures metric and publisher": lambda: (
        *queries.figures_sql(["sorties"], Filters(publisher="RT"), None),
        {},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_no_full_scan(seed_db, name):
    sql, params, extra = CASES[name]()
    conn = sqlite3.connect(seed_db)
    plan = [row[3] for row in conn.execute("explain query plan " + sql, {**params, **extra})]
    assert not [step for step in plan if SCAN.match(step)], plan


@pytest.mark.parametrize("metrics", [["sorties"], ["killed", "wounded"]])
def test_figures_of_a_metric_read_in_order_without_a_sort(seed_db, metrics):
    sql, params = queries.figures_sql(metrics, Filters(), None)
    conn = sqlite3.connect(seed_db)
    plan = [row[3] for row in conn.execute("explain query plan " + sql, params)]
    assert not [step for step in plan if "TEMP B-TREE" in step or "articles" in step], plan


def test_figures_about_a_name_read_its_mentions_by_index(seed_db):
    sql, params = queries.figures_sql(["sorties"], Filters(about="palmyra"), None)
    conn = sqlite3.connect(seed_db)
    plan = [row[3] for row in conn.execute("explain query plan " + sql, params)]
    assert not [step for step in plan if SCAN.match(step) or "TEMP B-TREE" in step], plan


def test_a_full_build_stores_figures_in_listing_order(seed_db):
    """A metric's claims sit together on disk (store.cluster_figures)."""
    from syriacli.store import FIGURES_ORDER

    conn = sqlite3.connect(seed_db)
    by_id = conn.execute("select id from figures order by id").fetchall()
    assert len(by_id) > 20
    assert conn.execute(f"select id from figures order by {FIGURES_ORDER}").fetchall() == by_id


@pytest.mark.parametrize("publisher", [None, "rt"])
def test_the_first_page_of_articles_needs_no_sort(seed_db, publisher):
    sql, params = queries.articles_sql(Filters(publisher=publisher, limit=10))
    conn = sqlite3.connect(seed_db)
    plan = [row[3] for row in conn.execute("explain query plan " + sql, params)]
    assert not [step for step in plan if "TEMP B-TREE" in step], plan


def test_the_figures_summary_reads_an_index_not_the_claims(seed_db):
    conn = sqlite3.connect(seed_db)
    plan = [row[3] for row in conn.execute("explain query plan " + queries.FIGURE_METRICS_SQL)]
    assert any(step.startswith("SCAN figures USING COVERING INDEX") for step in plan), plan


def test_no_index_repeats_another_or_a_primary_key(seed_db):
    """An index whose columns lead another index (or a table's primary key) only costs
    space: the longer one serves its lookups."""
    conn = sqlite3.connect(seed_db)
    tables = [row[0] for row in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like '%fts%'")]
    redundant = []
    for table in tables:
        indexes = {row[1]: (bool(row[2]), [c[2] for c in conn.execute(
            f"pragma index_info('{row[1]}')")]) for row in conn.execute(
            f"pragma index_list('{table}')")}
        for name, (unique, columns) in indexes.items():
            others = [c for n, (_, c) in indexes.items() if n != name]
            if not unique and any(other[:len(columns)] == columns for other in others):
                redundant.append(name)
    assert tables and not redundant
