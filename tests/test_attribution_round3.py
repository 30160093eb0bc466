"""Attribution patterns from the third held-out reading (issue 11), as invented fixtures: a writing
of someone's that speaks, a characterization, a late `with X confirming`, an author line or a theme
intro above bare quotes, and a truncated copy of a quote; words read out or relayed for someone else
stay theirs, not the reader's."""

from __future__ import annotations

import pytest

from .attribution_fixtures import claims_of, in_themes, speakers_of

_claims, _speakers, _themes = claims_of, speakers_of, in_themes


# -- 1. a writing of someone's that speaks is that person's ------------------------------------
def test_a_persons_writing_that_speaks_is_theirs() -> None:
    speakers = _speakers(
        _themes(
            'Dana Ruiz\'s annual letter warns that "every discount teaches a customer to wait for the next one". '
            'Later, Raj\'s memo argues: "we should never price below the cost of serving the account."'
        )
    )
    assert speakers["every discount teaches a customer to wait for the next one"] == "Dana Ruiz"
    assert speakers["we should never price below the cost of serving the account."] == "Raj Patel"


def test_a_thing_of_someones_that_is_praised_is_not_their_writing_speaking() -> None:
    speakers = _speakers(
        _themes(
            'Dana Ruiz\'s annual letter was praised by analysts: "the clearest pricing essay of the whole year". '
            'Raj\'s new company praised at length: "the best-run billing team I have ever backed."'
        )
    )
    assert speakers["the clearest pricing essay of the whole year"] is None
    assert speakers["the best-run billing team I have ever backed."] is None


# -- 2. a characterization is the words of whoever credits or calls ----------------------------
def test_crediting_a_mentor_speaks_the_characterization() -> None:
    speakers = _speakers(_themes('Ruiz credits her mentor Lee Haddad as "the godfather of usage-based pricing".'))
    assert speakers["the godfather of usage-based pricing"] == "Dana Ruiz"


def test_a_relative_clause_crediting_speaks_the_characterization() -> None:
    speakers = _speakers(
        _themes(
            'The team eats lunch together daily, which Ruiz credits with "keeping us out of endless meetings". '
            'Orbex has a pricing rule that the press calls "the quiet tax on every renewal".'
        )
    )
    assert speakers["keeping us out of endless meetings"] == "Dana Ruiz"
    assert speakers["the quiet tax on every renewal"] is None


# -- 3. a late `with X confirming "..."` --------------------------------------------------------
def test_a_late_with_name_confirming_gives_the_second_quote() -> None:
    speakers = _speakers(
        _themes(
            'Revenue grew "faster than anyone had planned for," with Ruiz confirming "that the new tier ships in May."'
        )
    )
    assert speakers["that the new tier ships in May."] == "Dana Ruiz"
    assert speakers["faster than anyone had planned for,"] is None


# -- 4. an author line with a verb of arguing over a bare quote ---------------------------------
def test_an_author_line_with_a_verb_of_reframing_over_a_bare_quote() -> None:
    for lead in ("Ruiz inverts this:", "Ruiz's analysis implies:", "Ruiz reframes it:", "Raj flips the logic:"):
        body = _themes(
            f'Most founders think price follows value.\n\n{lead}\n\n"value follows the price you dare to ask for."'
        )
        expected = "Raj Patel" if lead.startswith("Raj") else "Dana Ruiz"
        assert _speakers(body)["value follows the price you dare to ask for."] == expected, lead


# -- 5. a theme intro naming the speaker over several bare quotes -------------------------------
def test_a_theme_intro_gives_every_bare_quote_below_it() -> None:
    for quote in ('"{}"', '- "{}"', '1. "{}"'):
        body = _themes(
            "Most founders think price follows value. Dana Ruiz argues two things:\n\n"
            + quote.format("Discounts are a tax on your best customers.")
            + "\n"
            + quote.format("Annual contracts hide churn until it is far too late.")
        )
        # a newsletter, and a podcast whose one guest is someone else (not the sole speaker's words)
        for participants, source in (("Dana Ruiz, Raj Patel", "newsletter"), ("Eli Marsh", "")):
            speakers = _speakers(body, participants=participants, source=source)
            assert speakers["Discounts are a tax on your best customers."] == "Dana Ruiz", (quote, source)
            assert speakers["Annual contracts hide churn until it is far too late."] == "Dana Ruiz", (quote, source)


def test_a_prose_line_between_the_intro_and_a_quote_stops_it() -> None:
    body = _themes(
        "Ruiz argues two things:\n\n"
        '"Discounts are a tax on your best customers."\n\n'
        "Halden's board disagreed with Lee Haddad.\n\n"
        '"Annual contracts hide churn until it is far too late."'
    )
    speakers = _speakers(body, source="newsletter")
    assert speakers["Discounts are a tax on your best customers."] == "Dana Ruiz"
    assert speakers["Annual contracts hide churn until it is far too late."] is None


def test_a_quote_with_its_own_words_around_it_ends_the_intro() -> None:
    body = _themes(
        "Ruiz argues two things:\n\n"
        '"Discounts are a tax on your best customers," she says, and Halden agrees.\n\n'
        '"Annual contracts hide churn until it is far too late."'
    )
    speakers = _speakers(body, source="newsletter")
    assert speakers["Annual contracts hide churn until it is far too late."] is None


# -- 6. a truncated copy of a quote is the longer claim -----------------------------------------
@pytest.mark.parametrize(
    ("whole", "copy"),
    [
        # a truncated copy
        (
            'Ruiz explains: "Pricing is the moat, not the product, and it compounds every single year."',
            '"Pricing is the moat, not the product," as the episode keeps repeating.',
        ),
        # a copy cut inside with `...`, of a signed quote
        (
            '> "Pricing is the moat, not the product, and it compounds every single year." — Dana Ruiz',
            '"Pricing is the moat... it compounds every single year," as the episode keeps repeating.',
        ),
    ],
)
def test_a_copy_of_a_quote_is_the_longer_claim_and_takes_its_speaker(whole: str, copy: str) -> None:
    claims = _claims(_themes(f"{whole}\n\n{copy}"))
    assert [(claim.text, claim.speaker) for claim in claims] == [
        ("Pricing is the moat, not the product, and it compounds every single year.", "Dana Ruiz")
    ]


def test_a_contained_quote_naming_another_speaker_stays_separate() -> None:
    body = _themes(
        'Ruiz explains: "we never discount, because a discount teaches a customer to wait."\n\n'
        'Raj adds: "a discount teaches a customer to wait."'
    )
    assert [claim.speaker for claim in _claims(body)] == ["Dana Ruiz", "Raj Patel"]


# -- precision traps ------------------------------------------------------------------------------
def test_a_host_reading_someone_elses_bio_is_not_speaking() -> None:
    body = _themes('Dana reads Lee Haddad\'s bio: "Lee founded three billing companies before he was thirty."')
    assert _speakers(body)["Lee founded three billing companies before he was thirty."] is None


def test_a_host_quoting_someone_elses_memo_gives_the_memos_author() -> None:
    body = _themes('Dana quotes Raj\'s memo: "we should never price below the cost of serving the account."')
    assert _speakers(body)["we should never price below the cost of serving the account."] == "Raj Patel"


def test_a_newsletters_third_person_rewording_is_not_the_persons_words() -> None:
    body = _themes('Ruiz expects revenue "to double next year, she said, if the new tier lands."')
    assert _speakers(body, source="newsletter")["to double next year, she said, if the new tier lands."] is None


# -- siblings found on the development half --------------------------------------------------------
def test_a_short_quoted_phrase_inside_the_lead_in() -> None:
    body = _themes(
        "**Substantiation:**\n"
        'Dana Ruiz described her "aha moment": "I just took the old price sheet and doubled every number on it."'
    )
    assert _speakers(body)["I just took the old price sheet and doubled every number on it."] == "Dana Ruiz"


def test_a_claim_before_the_quote_does_not_lend_its_lead_in() -> None:
    body = _themes(
        "**Substantiation:**\n"
        'Raj explains: "we doubled every price on the old sheet in one night", "and nobody on the team objected at all."'
    )
    speakers = _speakers(body, source="newsletter")
    assert speakers["we doubled every price on the old sheet in one night"] == "Raj Patel"
    assert speakers["and nobody on the team objected at all."] is None


def test_a_name_and_speech_verb_after_a_timestamp() -> None:
    body = _themes(
        'The team took a year. "You should never choose a price on the first day of selling" '
        "[[00:00:34]](https://example.com/v?t=34), Dana stated."
    )
    assert _speakers(body)["You should never choose a price on the first day of selling"] == "Dana Ruiz"


def test_the_question_someone_asks_is_theirs() -> None:
    speakers = _speakers(
        _themes(
            'The first question Dana asks every founder is "tell me about the price you charged first". '
            'The first question investors ask is "what does the renewal curve look like today".'
        ),
        source="newsletter",
    )
    assert speakers["tell me about the price you charged first"] == "Dana Ruiz"
    assert speakers["what does the renewal curve look like today"] is None


def test_one_of_someones_insights_makes_them_the_subject() -> None:
    body = _themes(
        "One of Ruiz's most counterintuitive insights is that copying a price is fine. "
        '"I do not need a better price sheet, I need the same one sold harder."'
    )
    assert _speakers(body)["I do not need a better price sheet, I need the same one sold harder."] == "Dana Ruiz"


def test_a_subjectless_noted_for_describes_the_item_in_someone_elses_words() -> None:
    body = (
        "## 3. Companies Identified\n\n### Orbex\nBilling software. Raj admitted to passing at seed. "
        'Noted for "heavily organic acquisition" and "really high engagement and retention".\n'
    )
    assert _speakers(body)["really high engagement and retention"] is None


def test_a_capitalized_conjunction_before_the_speaker() -> None:
    body = _themes(
        "Other investors would not fly there, but Ruiz and Raj did. "
        'But Ruiz reframes this: "we never think about the other players on the field at all."'
    )
    assert _speakers(body, source="newsletter")["we never think about the other players on the field at all."] == (
        "Dana Ruiz"
    )


# -- a lead-in above speaks its block's quotes, not words about its speaker ---------------------------
def test_a_lead_in_above_does_not_speak_words_about_its_speaker_or_a_phrase_inside_a_sentence() -> None:
    body = _themes(
        "While most praise the rules, Ruiz pushes back hard, arguing that alarm is itself a risk.\n"
        '> "Scaring every buyer about a price war is a little too much for my taste." — Dana Ruiz\n'
        ">\n"
        "> Her comments came right after Halden drew red lines around pricing for "
        '"every reseller and every distributor in the region."\n\n'
        "### Another\n"
        "Ruiz's view suggests a bigger shift in who sells.\n"
        '> "Ruiz believes small shops could be the next wave of resellers in the region."\n\n'
        "### Third\n"
        "Ruiz argues that the shift is already here.\n"
        '> "Small shops are the next wave of resellers in the whole region."\n'
    )
    speakers = _speakers(body, source="newsletter")
    assert speakers["Small shops are the next wave of resellers in the whole region."] == "Dana Ruiz"
    assert speakers["every reseller and every distributor in the region."] is None  # Halden's wording
    assert speakers["Ruiz believes small shops could be the next wave of resellers in the region."] is None


# -- a paragraph above a block quote that says, past its first sentence, what someone argues ----------
def test_a_block_quote_below_a_sentence_of_someones_stance_inside_the_paragraph_is_theirs() -> None:
    body = _themes(
        "The consensus is that Halden is behind. Ruiz pushes back: restraint is shrewd given the returns. "
        "Not spending is the right move, for now.\n\n"
        '> *"Halden\'s lack of investment was always going to be a short to medium-term win for the company."*\n\n'
        "### Another\n"
        "Ruiz's central framing: the threat is a new interface, not a better loom.\n\n"
        '> "The moment a lecture from Oren Sato convinced him to abandon his research and start again."\n\n'
        "### Third\n"
        "Ruiz lists the topics.\n\n"
        '> "The 1970s loom experiment at Halden" is listed as a topic.\n'
    )
    speakers = _speakers(body, participants="Dana Ruiz", source="newsletter")
    assert speakers[
        "Halden's lack of investment was always going to be a short to medium-term win for the company."
    ] == ("Dana Ruiz")
    # a quote its line gives someone else
    tagged = body.replace('win for the company."*', "win for the company,\" the company's CFO told analysts.*")
    assert (
        _speakers(tagged, participants="Dana Ruiz", source="newsletter")[
            "Halden's lack of investment was always going to be a short to medium-term win for the company,"
        ]
        is None
    )
    # a paragraph on a view of theirs, no stance taken; one on the topics: nobody's words
    assert (
        speakers["The moment a lecture from Oren Sato convinced him to abandon his research and start again."] is None
    )
    assert speakers["The 1970s loom experiment at Halden"] is None


# -- words relayed from someone the lead-in names, or leaves unnamed -----------------------------------
def test_words_a_lead_in_relays_are_the_one_it_names() -> None:
    body = _themes(
        "Dana recounts what Oren Sato, vineyard manager at Castillo Alto, told her after the first season: "
        '"I walked those rows every week looking for a mistake, and found only mine."\n\n'
        'She credits a line from Ivo Marr, her former boss at Veltrix, for her view: "The cheapest liter of '
        'water is the one your customer did not waste."'
    )
    speakers = _speakers(body)
    assert speakers["I walked those rows every week looking for a mistake, and found only mine."] == "Oren Sato"
    assert speakers["The cheapest liter of water is the one your customer did not waste."] == "Ivo Marr"


def test_an_unnamed_person_relayed_points_at_someone_so_no_transcript_label_speaks_for_them() -> None:
    body = _themes(
        "Customers told Halden that uncertainty cost more than delay. An airline planner she works with put it "
        'bluntly: "I can plan around ninety days. I cannot plan around sixty to a hundred and twenty."\n\n'
        'A brief but significant comment: "We buy every secondary on the market every single time we can."'
    )
    claims = {claim.text[:12]: claim for claim in _claims(body)}
    assert claims["I can plan a"].speaker is None and claims["I can plan a"].context_people == ("?",)
    assert claims["We buy every"].context_people == ()  # an unnamed thing, not someone


def test_a_pronoun_of_the_other_gender_after_someone_unnamed_is_theirs_not_the_subjects() -> None:
    other = _themes(
        "Raj worries about a monopoly. He read out a listener email from a test engineer at a Dresden startup. "
        'She wrote: "Our tester vendor just got bought, and the first thing that changed was the price."'
    )
    assert (
        _speakers(other)["Our tester vendor just got bought, and the first thing that changed was the price."] is None
    )
    same = other.replace("She wrote:", "He wrote:")
    assert _speakers(same)["Our tester vendor just got bought, and the first thing that changed was the price."] == (
        "Raj Patel"
    )


def test_a_pronoun_after_a_sentence_naming_one_person_not_as_its_subject_is_them() -> None:
    people = "## 4. People Identified\n\n**Mara Lind**\n- Description: Founder of Clearline\n"
    body = _themes(
        '"Utilities want an answer to where their water went," said Raj Patel, CEO of Hallenbeck.\n\n'
        "Clearline was founded in 2017 by Mara Lind, a former Itron product lead. She will stay on to run a "
        'division. In a note to customers, she wrote: "Nothing about your contract changes on closing day."'
    )
    speakers = _speakers(body + people, participants="Dana Ruiz", source="newsletter")
    assert speakers["Nothing about your contract changes on closing day."] == "Mara Lind"
    # a first name we know inside a full name we do not (`Dana Whitfield`) is not our Dana
    body = _themes(
        "The claims about depreciation were challenged by Dana Whitfield. He explained: "
        '"Under the standards you set a useful life, and you reset it on reassessment."'
    )
    assert (
        _speakers(body, participants="Dana Ruiz, Raj Patel")[
            "Under the standards you set a useful life, and you reset it on reassessment."
        ]
        != "Dana Ruiz"
    )


def test_a_teller_a_pronoun_recalls_and_an_unnamed_teller() -> None:
    body = _themes(
        "Dana says the clock rewards buyers who invest. She recalls what a publisher she used to work for, "
        'Oren Sato, told new staff: "Every writer is a renewal you have not negotiated yet."\n\n'
        "Raj says the playbook fails. A Hanoi dealer he met early on, unnamed in the episode, told him: "
        '"Your bikes are cheap, but who buys them used after three years?"'
    )
    speakers = _speakers(body)
    assert speakers["Every writer is a renewal you have not negotiated yet."] == "Oren Sato"
    assert speakers["Your bikes are cheap, but who buys them used after three years?"] is None


# -- whom a speaking pronoun may be, for the transcript's label to tell ----------------------------------
def test_a_pronoun_no_one_in_the_paragraph_can_be_is_left_to_the_voice_heard() -> None:
    """`He admits:` where no person is the paragraph's subject: no one the text names, so a trusted
    transcript label may say who speaks; after an unknown person opens a sentence, someone unnamed."""
    claims = {
        claim.text[:12]: claim
        for claim in _claims(
            _themes(
                'The firm pays everyone from one pool. He admits: "I resisted the pool for a year, then it won."\n\n'
                "### Depreciation\n"
                "Oren Sato challenged the loom makers' claims about depreciation. He explained: "
                '"You set a useful life, and you reset it when you reassess the asset."'
            )
        )
    }
    assert claims["I resisted t"].speaker is None and claims["I resisted t"].context_people == ()
    assert claims["You set a us"].speaker is None and claims["You set a us"].context_people == ("?",)
    # words a lead-in relays from someone it does not name: still someone unnamed
    relayed = _themes(
        "Plants wait years for power. She recounts what an engineer at the utility, whom she does not name, "
        'told her team: "You are the fourth factory this month asking for ten megawatts."'
    )
    assert [claim.context_people for claim in _claims(relayed)] == [("?",)]
    # after someone described without a name, `he` may be theirs: still someone unnamed
    described = _themes(
        "Halden's first finance hire thought the loom plan was reckless. He argued: "
        '"You cannot pay for looms with a spreadsheet of hopes."'
    )
    assert [claim.context_people for claim in _claims(described)] == [("?",)]


def test_a_pronoun_that_may_be_either_of_two_points_at_both() -> None:
    # `She` could be the paragraph's subject (Dana) or the speaker just named (Raj): either may speak
    body = _themes(
        "Dana Ruiz argues that banks move too slowly for founders.\n\n"
        '> "The bank wanted my house as collateral for the loan." — Raj Patel\n\n'
        'She adds: "we walked away and found a lender on the other coast."'
    )
    claim = next(claim for claim in _claims(body) if claim.text.startswith("we walked"))
    assert claim.speaker is None and claim.context_people == ("Dana Ruiz", "Raj Patel")
