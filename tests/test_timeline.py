import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli.extract.events import clause_around, day_range, summarise
from syriacli.timeline import Happening, merge


def event(id, article, date, precision, concepts, about, relative=False):
    first, last = day_range(date, precision)
    return Happening(
        id,
        article,
        date,
        precision,
        first,
        last,
        int(relative),
        tuple(about),
        tuple(concepts),
    )


def entries_of(events):
    entries, assignments = merge(events)
    members = {}
    for entry_id, event_id in assignments:
        members.setdefault(entry_id, set()).add(event_id)
    return {e["id"]: (e, members[e["id"]]) for e in entries}


def assert_one_day(day, statements, expected):
    """Statements (concepts, about) of one day, merged in both orders, are the happenings
    ``expected`` (the 1-based numbers of the statements of each)."""
    events = [event(i, f"a{i}", day, "day", concepts, about)
              for i, (concepts, about) in enumerate(statements, 1)]
    for order in (events, events[::-1]):
        assert happenings(entries_of(order)) == expected


def happenings(got):
    """The events of each happening: the entries that share a conflict are one."""
    together = {}
    for entry, members in got.values():
        key = str(entry["conflict"]) if entry["conflict"] else entry["id"]
        together.setdefault(key, set()).update(members)
    return sorted(sorted(members) for members in together.values())


def test_same_happening_same_date_merges_across_sources():
    got = entries_of(
        [
            event(1, "a", "2015-09-30", "day", ["campaign start"], ["Homs", "Hama"]),
            event(2, "b", "2015-09-30", "day", ["campaign start"], []),
        ]
    )
    assert len(got) == 1
    entry, members = next(iter(got.values()))
    assert members == {1, 2} and entry["sources"] == 2 and entry["conflict"] is None


def test_distinct_happenings_in_one_month_stay_apart():
    got = entries_of(
        [
            event(1, "a", "2016-09", "month", ["ceasefire", "agreement"], []),
            event(2, "b", "2016-09", "month", ["airstrike"], ["Deir ez-Zor"]),
        ]
    )
    assert len(got) == 2


def test_different_precision_is_not_folded():
    got = entries_of(
        [
            event(1, "a", "2015-09-30", "day", ["campaign start"], []),
            event(2, "b", "2015-09", "month", ["campaign start"], []),
        ]
    )
    assert len(got) == 2


def test_conflicting_dates_are_one_entry_a_date_each_flagged_with_every_date():
    got = entries_of(
        [
            event(1, "a", "2016-03-14", "day", ["withdrawal"], ["Vladimir Putin"]),
            event(2, "b", "2016-03-15", "day", ["withdrawal"], ["Vladimir Putin"], relative=True),
        ]
    )
    conflict = [
        {"date": "2016-03-14", "precision": "day", "articles": ["a"]},
        {"date": "2016-03-15", "precision": "day", "articles": ["b"]},
    ]
    assert sorted(
        (e["date"], members == {i}, e["conflict"] == conflict)
        for e, members in got.values()
        for i in members
    ) == [("2016-03-14", True, True), ("2016-03-15", True, True)]


def test_each_date_of_a_conflict_lists_its_own_sources():
    # A monitor and a wire service say March, a state agency says April (a city retaken).
    got = entries_of(
        [
            event(1, "a", "2017-03", "month", ["control change"], ["Palmyra"], relative=True),
            event(2, "b", "2017-03", "month", ["control change"], ["Palmyra"]),
            event(3, "c", "2017-04", "month", ["control change"], ["Palmyra"]),
        ]
    )
    by_date = {e["date"]: (e, members) for e, members in got.values()}
    assert by_date["2017-03"][1] == {1, 2} and by_date["2017-03"][0]["sources"] == 2
    assert by_date["2017-04"][1] == {3} and by_date["2017-04"][0]["sources"] == 1
    assert (
        by_date["2017-03"][0]["conflict"]
        == by_date["2017-04"][0]["conflict"]
        == [
            {"date": "2017-03", "precision": "month", "articles": ["a", "b"]},
            {"date": "2017-04", "precision": "month", "articles": ["c"]},
        ]
    )
    # every date's entry carries the keys of the whole happening (see timeline.entry_of)
    assert by_date["2017-03"][0]["keys"] == by_date["2017-04"][0]["keys"]


def test_conflict_needs_a_shared_name():
    got = entries_of(
        [
            event(1, "a", "2016-03-14", "day", ["withdrawal"], ["Vladimir Putin"]),
            event(2, "b", "2016-03-15", "day", ["withdrawal"], []),
        ]
    )
    assert len(got) == 2


def test_far_dates_never_merge():
    got = entries_of(
        [
            event(1, "a", "2016-03", "month", ["control change"], ["Palmyra"]),
            event(2, "b", "2017-03", "month", ["control change"], ["Palmyra"]),
        ]
    )
    assert len(got) == 2


def test_clause_around_cuts_at_breaks_between_dates():
    sentence = ("Russian forces started leaving Syria on Tuesday after Monday's surprise "
                "announcement by Putin.")
    tuesday = sentence.index("Tuesday")
    monday = sentence.index("Monday's")
    assert (
        clause_around(sentence, tuesday, tuesday + 7, [(monday, monday + 8)])
        == "Russian forces started leaving Syria on Tuesday"
    )
    assert clause_around(sentence, monday, monday + 8, [(tuesday, tuesday + 7)]).startswith(
        "Monday's"
    )


def test_summary_trims_attribution():
    assert (
        summarise("However, Russia will continue its operation in Syria, Peskov said.")
        == "Russia will continue its operation in Syria"
    )


def test_day_range():
    assert day_range("2016-02", "month") == ("2016-02-01", "2016-02-29")
    assert day_range("2015", "year") == ("2015-01-01", "2015-12-31")
    assert day_range("2016-03-14", "day") == ("2016-03-14", "2016-03-14")


def test_keep_ids_reuses_old_entries_and_reports_only_changes():
    from syriacli.timeline import keep_ids

    entries = [{"id": 10}, {"id": 11}, {"id": 12}]
    assignments = [(10, 1), (10, 2), (10, 5), (11, 3), (12, 4)]
    previous = {1: 7, 2: 7, 5: None, 3: 7, 4: 8}
    kept, changed = keep_ids(entries, assignments, previous)
    assert [e["id"] for e in kept] == [7, 11, 8]
    assert sorted(changed) == [(7, 5), (11, 3)]


def test_near_dates_do_not_chain_beyond_the_window():
    # "fighting around Aleppo" every month of a year: neighbours are within a month of each
    # other, but one entry must never span more than the window.
    months = [f"2016-{m:02d}" for m in range(1, 13)]
    got = entries_of(
        [
            event(i, f"art{i}", month, "month", ["control change"], ["Aleppo"])
            for i, month in enumerate(months)
        ]
    )
    groups = happenings(got)
    assert 1 < len(groups) <= 6
    for members in groups:
        dates = sorted({months[i] for i in members})
        assert len(dates) <= 2 and (len(dates) == 1 or int(dates[1][5:]) - int(dates[0][5:]) == 1)


def test_dates_join_in_order_while_the_entry_fits_the_window():
    # Dates are taken in order (a build streams them): 13 March joins 10 March, and 14 March,
    # four days after the entry's first date, starts its own entry.
    got = entries_of(
        [
            event(1, "a", "2016-03-10", "day", ["withdrawal"], ["Vladimir Putin"]),
            event(2, "b", "2016-03-13", "day", ["withdrawal"], ["Vladimir Putin"]),
            event(3, "c", "2016-03-14", "day", ["withdrawal"], ["Vladimir Putin"]),
            event(4, "d", "2016-03-16", "day", ["withdrawal"], ["Vladimir Putin"]),
        ]
    )
    assert happenings(got) == [[1, 2], [3, 4]]


def test_entry_keys_and_probes_meet():
    from syriacli.timeline import entry_keys, probes

    old = [event(1, "a", "2016-03-14", "day", ["withdrawal"], ["Vladimir Putin"])]
    near = event(2, "b", "2016-03-16", "day", ["withdrawal"], ["Vladimir Putin"])
    keys, prefixes = probes(near)
    assert entry_keys(old) & keys and not prefixes
    unnamed = event(3, "c", "2016-03-14", "day", ["withdrawal"], [])
    keys, prefixes = probes(unnamed)
    assert not keys and any(k.startswith(p) for k in entry_keys(old) for p in prefixes)
    far = event(4, "d", "2016-03-18", "day", ["withdrawal"], ["Vladimir Putin"])
    assert not entry_keys(old) & probes(far)[0]


@pytest.mark.parametrize(
    "named, expected",
    [
        # the one happening of its act that day: the unnamed mention joins it
        ([["Vladimir Putin"]], [[1, 3]]),
        # two that name no place could be one happening: it joins both
        ([["Vladimir Putin"], ["Sergei Shoigu"]], [[1, 2, 3]]),
        # two at different places are two: no telling which, it joins neither
        ([["Sergei Shoigu", "Tartus"], ["Sergei Lavrov", "Palmyra"]], [[1], [2], [3]]),
        # a base is at its town: Tartus and its naval base are one place
        ([["Tartus naval facility"], ["Sergei Shoigu", "Tartus"]], [[1, 2, 3]]),
        # a happening of another act is not one it could be
        ([["Vladimir Putin"], ["Aleppo"]], [[1, 3], [2]]),
    ],
)
def test_an_unnamed_mention_joins_the_happenings_of_its_act_and_date(named, expected):
    events = [
        event(i, f"a{i}", "2016-03-14", "day",
              ["control change" if about == ["Aleppo"] else "visit"], about)
        for i, about in zip([1, 2], named, strict=False)
    ]
    events.append(event(3, "c", "2016-03-14", "day", ["visit"], []))
    for order in (events, events[::-1]):
        assert happenings(entries_of(order)) == expected


@pytest.mark.parametrize(
    "named, expected",
    [
        # three outlets, no specific name shared (a wire's none, Sputnik's base and ministry,
        # Dawn's capital and alliance): a day holds one aircraft downed
        ([[], ["Hmeimim", "Russian Defence Ministry"], ["Moscow", "NATO"]], [[1, 2, 3]]),
        # a town and its province are one place
        ([["Saraqeb", "Hayat Tahrir al-Sham"], ["Idlib"], []], [[1, 2, 3]]),
        # two places: two downings, and one naming no place cannot tell which
        ([["Idlib"], ["Quneitra"], []], [[1], [2], [3]]),
        ([["Idlib"], ["Saraqeb"], ["Quneitra"]], [[1, 2], [3]]),
    ],
)
def test_a_singular_act_is_one_happening_of_its_date_unless_places_differ(named, expected):
    events = [event(i, f"a{i}", "2018-02-03", "day", ["aircraft downed"], about)
              for i, about in enumerate(named, 1)]
    for order in (events, events[::-1]):
        assert happenings(entries_of(order)) == expected


def test_a_recurring_act_stays_apart_without_a_shared_place():
    """Strikes are not singular: a day holds many (concepts.json recurring_concepts)."""
    events = [event(1, "a", "2018-02-03", "day", ["airstrike"], ["Saraqeb"]),
              event(2, "b", "2018-02-03", "day", ["airstrike"], [])]
    assert happenings(entries_of(events)) == [[1], [2]]


def test_a_sea_is_one_of_no_pair_of_names():
    """A strike in Latakia and a plane lost off it over the sea the same night name the same
    province and sea: a sea is one of no pair (identity.waters); two people are."""
    events = [event(1, "a", "2018-09-17", "day", ["airstrike", "wording:x"],
                    ["Latakia", "Mediterranean"]),
              event(2, "b", "2018-09-17", "day", ["aircraft downed"], ["Latakia", "Mediterranean"])]
    assert happenings(entries_of(events)) == [[1], [2]]
    talks = [event(1, "a", "2018-09-17", "day", ["agreement"], ["Sochi", "Recep Tayyip Erdogan"]),
             event(2, "b", "2018-09-17", "day", ["wording:y"], ["Sochi", "Recep Tayyip Erdogan"])]
    assert happenings(entries_of(talks)) == [[1, 2]]


@pytest.mark.parametrize(
    "specs, expected",
    [
        # a minister's day (a wire, SANA, RT): the base in the morning, the capital after;
        # the statement naming no place goes with the one it shares its company with
        ([("visit", ["Sergei Shoigu", "Hmeimim"]),
          ("talks", ["Sergei Shoigu", "Bashar al-Assad", "Damascus"]),
          ("talks", ["Bashar al-Assad", "Sergei Shoigu"])],
         [[1], [2, 3]]),
        # a president's (CGTN, Hindustan Times): a stop at a base, then talks elsewhere, and
        # talks with a third leader: three happenings
        ([("visit", ["Vladimir Putin", "Hmeimim"]), ("visit", ["Vladimir Putin", "Hmeimim"]),
          ("talks", ["Vladimir Putin", "Ankara", "Recep Tayyip Erdogan"]),
          ("talks", ["Vladimir Putin", "Abdel Fattah al-Sisi"])],
         [[1, 2], [3], [4]]),
        # at one place, or naming none, the person's act is one happening
        ([("visit", ["Sergei Shoigu", "Tartus"]), ("visit", ["Sergei Shoigu"]),
          ("talks", ["Sergei Shoigu", "Tartus naval facility"])],
         [[1, 2, 3]]),
    ],
)
def test_a_persons_day_holds_a_happening_for_each_place(specs, expected):
    events = [event(i, f"a{i}", "2016-06-18", "day", [act], about)
              for i, (act, about) in enumerate(specs, 1)]
    for order in (events, events[::-1]):
        assert happenings(entries_of(order)) == expected


def test_a_sea_names_no_happening_but_places_strikes():
    """Many happenings of a day are at sea: the Mediterranean shared by a minister's talks in
    Damascus and the drills he watched from Hmeimim makes them neither one happening nor one
    place (The Hindu, Kyiv Independent); strikes from the Caspian are matched there (a
    wire, a briefing)."""
    day = [event(1, "a", "2022-02-15", "day", ["talks"],
                 ["Sergei Shoigu", "Damascus", "Mediterranean"]),
           event(2, "b", "2022-02-15", "day", ["visit"],
                 ["Sergei Shoigu", "Mediterranean", "Hmeimim"])]
    assert happenings(entries_of(day)) == [[1], [2]]
    strikes = [event(1, "a", "2015-10-07", "day", ["airstrike"], ["Caspian Sea"]),
               event(2, "b", "2015-10-07", "day", ["airstrike", "wording:x"], ["Caspian Sea"])]
    assert happenings(entries_of(strikes)) == [[1, 2]]


NAMES = ["Vladimir Putin", "Sergei Shoigu", "Aleppo", "Palmyra"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["withdrawal", "ceasefire"]),
            st.sets(st.sampled_from(NAMES), max_size=2),
        ),
        min_size=1,
        max_size=12,
    ),
    st.randoms(),
)
def test_entries_of_one_date_do_not_depend_on_the_order_of_its_events(specs, rnd):
    events = [
        event(i, f"art{i % 3}", "2016-03-14", "day", [concept], sorted(names))
        for i, (concept, names) in enumerate(specs)
    ]
    shuffled = [
        e._replace(id=n)
        for n, e in zip(rnd.sample(range(100, 100 + len(events)), len(events)), events, strict=True)
    ]
    back = {s.id: e.id for s, e in zip(shuffled, events, strict=True)}
    one = sorted(sorted(m) for _, m in entries_of(events).values())
    other = sorted(sorted(back[i] for i in m) for _, m in entries_of(shuffled).values())
    assert one == other


@pytest.mark.parametrize("iso, precision", [
    ("2016", "year"), ("2016-02", "month"), ("2015-02", "month"), ("2015-12", "month"),
    ("2016-04", "month"), ("2016-03-14", "day"), ("2000-02", "month"), ("1900-02", "month"),
])
def test_the_merge_index_days_are_day_range(iso, precision):
    """An update's grouped events read their first and last days from their date and
    precision in SQL (store.FIRST_DAY_SQL, LAST_DAY_SQL: the index lacks the columns):
    the days extraction stores."""
    import sqlite3

    from syriacli.store import FIRST_DAY_SQL, LAST_DAY_SQL
    got = sqlite3.connect(":memory:").execute(
        f"select {FIRST_DAY_SQL}, {LAST_DAY_SQL} from (select ? as date, ? as precision)",
        (iso, precision)).fetchone()
    assert got == day_range(iso, precision)


def test_a_full_build_merges_alike_streamed_or_alongside_its_indexing(seed_build, tmp_path,
                                                                       monkeypatch):
    """A corpus of more events than a build holds at once streams them (build.MERGE_ALONGSIDE):
    the same entries and assignments as merging them in memory while it indexes."""
    import sqlite3

    from syriacli import build

    monkeypatch.setattr(build, "MERGE_ALONGSIDE", 0)
    streamed = tmp_path / "streamed.db"
    raw, seed_db = seed_build
    build.build(raw, streamed, full=True)
    read = "select {} from {} order by 1"
    for columns, table in (("*", "entries"), ("id, entry", "events"), ("*", "entry_keys")):
        query = read.format(columns, table)
        alongside = sqlite3.connect(seed_db).execute(query).fetchall()
        assert alongside and alongside == sqlite3.connect(streamed).execute(query).fetchall()


def test_a_town_and_its_region_are_a_pair_of_names():
    """Russian military police entering Douma in Eastern Ghouta, in RIA's words and in Syria
    Direct's, with no act the table lists in one of them: the town and the region name
    one happening of that day."""
    day = [event(1, "a", "2018-04-12", "day", ["wording:x"], ["Douma", "Ghouta"]),
           event(2, "b", "2018-04-12", "day", ["deployment"], ["Douma", "Ghouta", "Damascus"])]
    assert happenings(entries_of(day)) == [[1, 2]]


@pytest.mark.parametrize(
    "statements, expected",
    [
        # one salvo, three outlets, one count and no specific name in common (a state
        # agency's flotilla, a Gulf paper's sea, a wire's nothing)
        ([(["airstrike", "wording:a", "count:26"], ["Russian Navy"]),
          (["airstrike", "wording:b", "count:26"], ["Caspian Sea"]),
          (["airstrike", "wording:c", "count:26"], [])], [[1, 2, 3]]),
        # a strong act and its count: a base's briefing and a monitor's report
        ([(["aircraft downed", "count:15"], ["Hmeimim"]),
          (["aircraft downed", "count:15"], ["Latakia", "Israel"])], [[1, 2]]),
        # another count is another happening, as another act with the same count is
        ([(["airstrike", "wording:a", "count:59"], ["Homs"]),
          (["airstrike", "wording:b", "count:23"], ["Idlib"]),
          (["control change", "count:59"], ["Aleppo"])], [[1], [2], [3]]),
    ],
)
def test_the_same_count_of_the_same_act_that_day_is_one_happening(statements, expected):
    assert_one_day("2015-10-07", statements, expected)


@pytest.mark.parametrize(
    "statements, expected",
    [
        # a leader's day: a base in the morning, talks abroad after; the talks name only the
        # foreign country (its capital unknown to the names index), so they are not at the base
        ([(["visit", "withdrawal"], ["Vladimir Putin", "Hmeimim"]),
          (["visit", "withdrawal"], ["Vladimir Putin", "Hmeimim", "Sergei Shoigu"]),
          (["talks", "agreement"], ["Vladimir Putin", "Egypt", "Abdel Fattah al-Sisi"])],
         [[1, 2], [3]]),
        # naming the same foreign country, two reports are at one place
        ([(["talks"], ["Benjamin Netanyahu", "Vladimir Putin", "Israel"]),
          (["talks"], ["Vladimir Putin", "Israel"])], [[1, 2]]),
    ],
)
def test_a_statement_naming_no_place_is_in_the_foreign_country_it_names(statements, expected):
    assert_one_day("2017-12-11", statements, expected)


def test_a_strike_on_a_province_is_not_the_strike_on_a_town_of_it():
    # a monitor's market strike in Maarat al-Numan (Idlib), a wire's on the same town, and
    # another outlet's 'warplanes targeted residential areas in Idlib' that day: which town?
    events = [event(1, "a1", "2019-07-22", "day", ["airstrike", "wording:a"],
                    ["Maarat al-Numan", "Idlib"]),
              event(2, "a2", "2019-07-22", "day", ["airstrike", "wording:b"],
                    ["Maarat al-Numan"]),
              event(3, "a3", "2019-07-22", "day", ["airstrike", "wording:c"], ["Idlib"])]
    for order in (events, events[::-1]):
        assert happenings(entries_of(order)) == [[1, 2], [3]]


@pytest.mark.parametrize(
    "statements, expected",
    [
        # a general killed, in three outlets' words, named by a name the index does not know
        ([(["casualty report", "wording:a"], ["Valery Asapov", "Islamic State"]),
          (["casualty report", "airstrike", "wording:b"], ["Valery Asapov"]),
          (["casualty report", "wording:c"], ["Valery Asapov", "Deir ez-Zor"])],
         [[1, 2, 3]]),
        # two tolls of the same day naming different people stay apart
        ([(["casualty report", "wording:a"], ["Valery Asapov"]),
          (["casualty report", "wording:b"], ["Nikolai Afanasov"])], [[1], [2]]),
    ],
)
def test_a_person_killed_dies_once(statements, expected):
    assert_one_day("2017-09-23", statements, expected)


@pytest.mark.parametrize(
    "statements, expected",
    [
        # a minister's day in one capital: the president received him, then he met his
        # counterpart; one report naming no one else cannot tell which meeting it tells
        ([(["talks"], ["Sergei Lavrov", "Bashar al-Assad", "Damascus"]),
          (["talks", "visit"], ["Sergei Lavrov", "Bashar al-Assad"]),
          (["talks"], ["Sergei Lavrov", "Walid al-Muallem", "Damascus"]),
          (["talks"], ["Sergei Lavrov", "Walid al-Muallem"]),
          (["talks"], ["Sergei Lavrov", "Damascus"])],
         [[1, 2], [3, 4], [5]]),
        # one meeting, however many each report names of those present
        ([(["talks"], ["Vladimir Putin", "Recep Tayyip Erdogan", "Hassan Rouhani"]),
          (["talks"], ["Vladimir Putin", "Hassan Rouhani"]),
          (["talks"], ["Vladimir Putin"])], [[1, 2, 3]]),
    ],
)
def test_a_persons_meetings_of_a_day_are_told_apart_by_their_company(statements, expected):
    assert_one_day("2020-09-07", statements, expected)
