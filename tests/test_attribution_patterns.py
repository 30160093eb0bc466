"""Attribution patterns read on unseen summaries (issue 11), each as an invented fixture: who the
text says spoke, and nobody where the text only talks about a person."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def _speakers(body: str, participants: str = "Priya Nandakumar, Dele Okafor") -> dict[str, str | None]:
    text = f"""# [Seed Stories](https://example.com/ep/77)

**Podcast:** Early Money
**Date:** 2025-11-01
**Participants:** {participants}

---

## 1. Key Themes

### The Theme
{body}
"""
    extraction = extract_document(parse_document("fixture.md", text))
    return {claim.text: claim.speaker for claim in extraction.claims}


def test_a_speakerless_sentence_does_not_inherit_the_previous_sentences_subject() -> None:
    for opening in ("Host Priya Nandakumar", "Priya Nandakumar"):
        speakers = _speakers(
            f"{opening} confessed she passed on the seed. "
            'Praised for "ridiculously low churn across every cohort". '
            'Later the fund was billed as "the quiet winner of the whole cycle".'
        )
        assert speakers["ridiculously low churn across every cohort"] is None
        assert speakers["the quiet winner of the whole cycle"] is None


def test_a_possessive_subject_is_not_the_speaker() -> None:
    speakers = _speakers(
        "Priya Nandakumar's new chain praised at length: \"Priya is the best operator I've backed in years.\""
    )
    assert speakers["Priya is the best operator I've backed in years."] is None


def test_the_words_of_someone_of_the_subjects_are_not_the_subjects() -> None:
    speakers = _speakers(
        "Priya Nandakumar grew up in a shop. The key lesson from Priya's father: "
        '"never sell to a customer you would not lend money to."'
    )
    assert speakers["never sell to a customer you would not lend money to."] is None


def test_the_speaker_of_the_last_clause_wins_over_an_organization_subject() -> None:
    speakers = _speakers(
        'Brightwell Bank wants a co-signer, but Okafor insists: "we will never pledge the house for a loan."',
        participants="Dele Okafor",
    )
    assert speakers["we will never pledge the house for a loan."] == "Dele Okafor"


def test_a_scare_quoted_saying_is_nobodys_claim() -> None:
    speakers = _speakers(
        'Priya Nandakumar rejects the old creed of "cash is always king in a downturn" for early funds.'
    )
    assert speakers["cash is always king in a downturn"] is None


def test_a_title_of_a_work_is_no_claim_and_the_next_quote_is_the_speakers() -> None:
    speakers = _speakers(
        'After Priya published "The End of Every Meeting We Know," Okafor recalls: '
        '"half my portfolio cancelled their standups that week."'
    )
    assert "The End of Every Meeting We Know," not in speakers
    assert speakers["half my portfolio cancelled their standups that week."] == "Dele Okafor"


def test_a_possessive_lead_in_names_the_speaker() -> None:
    speakers = _speakers('Okafor\'s answer was blunt: "no founder of ours will sign a personal guarantee."')
    assert speakers["no founder of ours will sign a personal guarantee."] == "Dele Okafor"


def test_his_response_is_the_item_persons() -> None:
    speakers = _speakers(
        'Dele Okafor was asked about the bank. His response: "we will find a lender who believes in the plan."'
    )
    assert speakers["we will find a lender who believes in the plan."] == "Dele Okafor"


def test_a_speech_verb_need_not_end_the_lead_in() -> None:
    speakers = _speakers('Priya pushes back hard: "no seed fund should own half of a company."')
    assert speakers["no seed fund should own half of a company."] == "Priya Nandakumar"


def test_she_continued_after_a_speaker_label() -> None:
    body = """Priya Nandakumar: "The bank wanted my house as collateral for the loan."

She continued: "we walked away and found a lender on the other coast."
"""
    speakers = _speakers(body, participants="Dele Okafor")
    assert speakers["we walked away and found a lender on the other coast."] == "Priya Nandakumar"


def test_a_pronoun_between_the_subject_and_another_named_speaker_is_nobody() -> None:
    # `She` could be the paragraph's subject (Priya) or the speaker just named (Dele).
    body = """Priya Nandakumar argues that banks move too slowly for founders.

> "The bank wanted my house as collateral for the loan." — Dele Okafor

She adds: "we walked away and found a lender on the other coast."
"""
    assert _speakers(body)["we walked away and found a lender on the other coast."] is None


def test_an_attribution_inside_the_quote_names_the_speaker() -> None:
    speakers = _speakers(
        "The post went viral. \"'Spreadsheets are dead for every finance team,' CEO Ruth Amsel wrote on LinkedIn.\""
    )
    quote = "'Spreadsheets are dead for every finance team,' CEO Ruth Amsel wrote on LinkedIn."
    assert speakers[quote] == "Ruth Amsel"


def test_a_signature_ends_at_the_sentence_end() -> None:
    body = (
        'Apologies wear thin. "if you apologize more than twice it only reminds them of the harm" [00:34:10] - Okafor. '
        'The fix is simple. "Thank the person instead of apologizing for every single delay." — Rep. Dele Okafor'
    )
    speakers = _speakers(body, participants="Priya Nandakumar, Dele Okafor")
    assert speakers["if you apologize more than twice it only reminds them of the harm"] == "Dele Okafor"
    assert speakers["Thank the person instead of apologizing for every single delay."] == "Dele Okafor"


def test_the_main_clause_after_a_subordinate_clause_names_the_subject() -> None:
    body = """While the panel debated Orbex, Halden and Corvo, Okafor makes a strong claim about the market.

> "Every lender in this city will copy the Orbex terms within a single year." [01:41:40]
"""
    assert _speakers(body)["Every lender in this city will copy the Orbex terms within a single year."] == "Dele Okafor"


def test_a_line_relayed_from_someone_else_is_not_the_pronouns() -> None:
    body = (
        "Dele Okafor argues that founders need love. He references Mara Quint's line from her novel: "
        '"I have love to give and nowhere to give it."'
    )
    assert _speakers(body)["I have love to give and nowhere to give it."] is None


def test_answering_someone_elses_assertion_is_the_speakers_own_words() -> None:
    body = 'Okafor directly challenges Mara Quint\'s assertion that banks are slow: "our bank closed in nine days."'
    assert _speakers(body)["our bank closed in nine days."] == "Dele Okafor"


def test_what_a_crowd_reports_is_not_the_subjects_claim() -> None:
    body = (
        'Dele Okafor runs a lending course. Students consistently report that "only the third loan felt real to them".'
    )
    assert _speakers(body)["only the third loan felt real to them"] is None


def test_a_signature_wins_over_a_company_doing_something() -> None:
    body = (
        'Orbex Lending operates as a hybrid: "a quarter bank and three quarters software company, forever." '
        "- Okafor [00:00:56] The transcript cuts off here."
    )
    assert _speakers(body)["a quarter bank and three quarters software company, forever."] == "Dele Okafor"


def test_a_named_speaker_we_cannot_place_is_not_the_paragraph_subject() -> None:
    body = (
        'Priya Nandakumar argues that "every lender copies the first one that moves," and '
        'Mara Quint challenged with competitive dynamics: "the second lender in each city wins the market."'
    )
    speakers = _speakers(body)
    assert speakers["every lender copies the first one that moves,"] == "Priya Nandakumar"
    assert speakers["the second lender in each city wins the market."] == "Mara Quint"
    body = 'Priya Nandakumar argues for speed. Mara Quint weighs the options: "wait for the second lender to fail."'
    assert _speakers(body)["wait for the second lender to fail."] is None


def test_a_pronoun_with_no_subject_is_the_sole_guest() -> None:
    body = (
        'Orbex pays its team what Okafor first resisted as "a communist system of shared pay for all." '
        'He admits: "I hunt alone and I wanted my own catch to count."'
    )
    speakers = _speakers(body, participants="Dele Okafor")
    assert speakers["I hunt alone and I wanted my own catch to count."] == "Dele Okafor"


def test_a_list_of_founders_makes_none_of_them_the_subject() -> None:
    body = """Lending startup founded by Priya Nandakumar, Dele Okafor, and Mara Quint, all ex-bankers.

> "We are a six sided team that has to be strong at everything at once." [00:33:17]
"""
    speakers = _speakers(body, participants="Priya Nandakumar, Dele Okafor, Mara Quint")
    assert speakers["We are a six sided team that has to be strong at everything at once."] is None


def test_a_job_title_before_a_name_is_not_part_of_it() -> None:
    body = """Host Priya Nandakumar explains why the fund passed.

> "We never lead a round where the founder owns less than half." [00:12:00]

CEO Ruth Amsel said: "every finance team will close its books in a single day."
"""
    speakers = _speakers(body)
    assert speakers["We never lead a round where the founder owns less than half."] == "Priya Nandakumar"
    assert speakers["every finance team will close its books in a single day."] == "Ruth Amsel"


@settings(max_examples=400, deadline=None)
@example(["Raj", " quotes", " a", " friend", ":"])
@example(["Raj", " quotes", " a", " friend", ":", " ", "*"])
@example(["Raj", '"', "x", '"', ":", " quotes", " a", " friend", ":"])
@example(["Raj", " quotes", " a", " friend", ":", " cites", " his", " own", ":"])
@example(["Raj", " cites", " his", " friend", "“", ":"])
@given(
    st.lists(
        st.sampled_from(
            ["Raj", " quotes", " cites", " a", " his", " own", " friend", ":", '"', "“", " ", "*", "_", "x"]
        ),
        max_size=14,
    )
)
def test_quotes_unnamed_reads_only_the_tail_the_pattern_can_match(pieces: list[str]) -> None:
    """The bounded reading (linear in a hostile clause) answers what the pattern's search answers."""
    from kgraph.extract.attribution import _QUOTES_UNNAMED, _quotes_unnamed

    clause = "".join(pieces)
    assert _quotes_unnamed(clause) == (_QUOTES_UNNAMED.search(clause) is not None)


def test_a_chinese_body_names_its_speakers_by_dash_lead_in_and_pronoun() -> None:
    body = (
        '"储能的客户不看品牌，看的是二十年的成本。" —— 韩思远\n\n'
        '她补充道："第一个项目我们等了十四个月才拿到报告。"\n\n'
        '据周启明介绍："我们投的不是电池，是一个人判断周期的能力。"\n\n'
        '罗安然提出一个与主流相反的观点："海外的毛利是国内的两倍以上，出海不是退路。"\n\n'
        '市场上对新电池的热情很高，但韩思远认为它只能是补充。她的理由是供应链："实验室的数据很漂亮，量产线还差得很远。"\n\n'
        '他们认为："这个行业只要出一次大事故，全行业都要停下来。"\n\n'
        '罗安然的公司表示："我们的收入有八成来自电网侧项目。"'
    )
    speakers = _speakers(body, participants="韩思远, 罗安然, 周启明")
    assert speakers["储能的客户不看品牌，看的是二十年的成本。"] == "韩思远"
    assert speakers["第一个项目我们等了十四个月才拿到报告。"] == "韩思远"  # she: the last speaker named
    assert speakers["我们投的不是电池，是一个人判断周期的能力。"] == "周启明"
    assert speakers["海外的毛利是国内的两倍以上，出海不是退路。"] == "罗安然"
    assert speakers["实验室的数据很漂亮，量产线还差得很远。"] == "韩思远"  # her reason: who the sentence before names
    # they (他们), and a person's company (罗安然的公司), are nobody the text names as speaking
    assert speakers["这个行业只要出一次大事故，全行业都要停下来。"] is None
    assert speakers["我们的收入有八成来自电网侧项目。"] is None


def test_a_title_set_between_commas_before_the_name_leads_into_the_quote() -> None:
    speakers = _speakers(
        "Cinderpath makes memory expanders. Its CEO, Bram Okafor, told the newsletter:\n\n"
        '> "Half of what sits in memory during inference is cache that is read once a second."\n\n'
        "Acme's chief financial officer, Dana Ruiz, said:\n\n"
        '> "We paid for the memory twice and used it once in the whole quarter."',
        participants="Priya Nandakumar",
    )
    assert (
        speakers["Half of what sits in memory during inference is cache that is read once a second."] == "Bram Okafor"
    )
    assert speakers["We paid for the memory twice and used it once in the whole quarter."] == "Dana Ruiz"


def test_per_before_a_surname_is_according_to_that_person_not_a_first_name() -> None:
    speakers = _speakers(
        'Per Mbeki-Hart: "A TOPS figure is a promise about a workload nobody runs at all."',
        participants="Tomasz Wierzbicki, J.P. Mbeki-Hart",
    )
    assert speakers["A TOPS figure is a promise about a workload nobody runs at all."] == "J.P. Mbeki-Hart"


def test_a_speaker_credited_in_parentheses_with_their_organization_spoke_but_a_citation_did_not() -> None:
    speakers = _speakers(
        '> "We tried four vendor SDKs and shipped on the slowest one of them." (Luka Petrović, Brindle Labs)\n\n'
        '> "Scaling laws hold across seven orders of magnitude of compute." (Kaplan, 2020)',
        participants="Tomasz Wierzbicki, Luka Petrović",
    )
    assert speakers["We tried four vendor SDKs and shipped on the slowest one of them."] == "Luka Petrović"
    assert speakers["Scaling laws hold across seven orders of magnitude of compute."] is None


def test_a_first_name_of_two_parts_written_as_one_word_is_the_person() -> None:
    speakers = _speakers(
        'Mei-Lin argues: "Every enterprise I talk to already has the tool in its agreement."\n\n'
        'Mei-Lin called them "the new README that nobody reviews and everybody obeys," and moved on.',
        participants="Priya Nandakumar, Mei-Lin Cho",
    )
    assert speakers["Every enterprise I talk to already has the tool in its agreement."] == "Mei-Lin Cho"
    assert speakers["the new README that nobody reviews and everybody obeys,"] == "Mei-Lin Cho"


def test_a_field_label_alone_above_a_quote_leaves_it_to_the_item() -> None:
    speakers = _speakers(
        "Lin argues that the big vendor's scale is what makes the ecosystem viable.\n\n"
        "**Substantiation:**\n"
        '"The big vendor paved the road and we sell small cars behind it." [00:27:16]',
        participants="Zhou Mo, Lin Yuxuan",
    )
    assert speakers["The big vendor paved the road and we sell small cars behind it."] == "Lin Yuxuan"


def test_a_translation_under_a_quote_has_the_quotes_speaker() -> None:
    speakers = _speakers(
        '> "CUDA不是护城河，CUDA是一整座城市，你不能只修一座桥。" — 周默 [00:19:30]\n\n'
        'Translation: "CUDA is not a moat, it is an entire city you cannot enter by one bridge."\n\n'
        '"没有人知道这个窗口期到底有多长，我们只能先跑起来再说。"\n\n'
        '*English translation:* "Nobody knows how long the window is, so we run first and ask later."',
        participants="周默, 林雨轩",
    )
    assert speakers["CUDA is not a moat, it is an entire city you cannot enter by one bridge."] == "周默"
    # a translation of words nobody is named for is nobody's either
    assert speakers["Nobody knows how long the window is, so we run first and ask later."] is None


def test_a_peoples_entry_that_opens_a_clause_on_a_verb_of_speech_has_its_person_speak() -> None:
    text = (
        "# Year Two\n\n**Podcast:** Interface Notes\n**Date:** 2026-04-02\n**Participants:** Dana Ruiz\n\n---\n\n"
        "## 1. Key Themes\n\n### Siri\n\nApple rebuilt Siri.\n\n## 4. People Identified\n\n"
        "**Craig Federighi** — Apple's head of software; said at WWDC that the new Siri "
        '"had to be rebuilt, not repaired, and that took longer than we wanted."\n\n'
        '**Tim Cook** — CEO of Apple. Told analysts the upgrade cycle "is the strongest we have seen in years."\n\n'
        '**Jane Roe** — Analyst at Foo. Described as "the most careful reader of supply chains on the street."\n\n'
        '**Ann Lee** — Analyst at Bar. Her colleague said the plan "would never survive contact with a customer."\n'
    )
    extraction = extract_document(parse_document("fixture.md", text))
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["had to be rebuilt, not repaired, and that took longer than we wanted."] == "Craig Federighi"
    assert speakers["is the strongest we have seen in years."] == "Tim Cook"
    # a passive is words about the person; a colleague's are someone else's
    assert speakers["the most careful reader of supply chains on the street."] is None
    assert speakers["would never survive contact with a customer."] is None


def test_a_timestamp_after_a_signature_ends_the_signers_name() -> None:
    speakers = _speakers(
        '"Moving a box from one place to another was solved twenty years ago." — Wen Zhao '
        "[[00:01:05]](https://www.youtube.com/watch?v=x&t=55s) Kestrel builds picking cells instead.",
        participants="Pat Grady, Wen Zhao",
    )
    assert speakers["Moving a box from one place to another was solved twenty years ago."] == "Wen Zhao"


def test_a_timestamp_before_a_capitalized_word_ends_the_sentence_for_the_subject_too() -> None:
    speakers = _speakers(
        '"In drones, the technology has been ready for five years already." — Katherine Boyle '
        "[[00:08:10]](https://www.youtube.com/watch?v=x&t=8m0s) Dana agrees and adds that the gap is years. "
        'She adds: "In Shenzhen, food delivery by drone is a normal Tuesday."',
        participants="Erik Torenberg, Katherine Boyle, Dana Whitcomb",
    )
    assert speakers["In drones, the technology has been ready for five years already."] == "Katherine Boyle"
    assert speakers["In Shenzhen, food delivery by drone is a normal Tuesday."] == "Dana Whitcomb"


def test_a_field_label_on_the_quotes_line_and_an_organizations_short_name_leave_the_item_subject() -> None:
    text = (
        "# Compounders\n\n**Podcast:** Invest like the best\n**Date:** 2025-10-08\n"
        "**Participants:** Unknown (Podcast Host), Arjun Mehta-Kline\n\n---\n\n## 5. Operating Insights\n\n"
        "### Insight 1: Read the History\n\nArjun's research process starts with the public record.\n\n"
        '**Tactical takeaway:** "A model tells you what you hope will happen, the letters what did."\n\n'
        "### Insight 2: Small Teams\n\nHalyard Peak runs with two analysts, and Arjun argues this is deliberate. "
        '"If I hired ten analysts, I would get ten new ideas a week and buy some."\n\n'
        "## Companies Identified\n\n### Halyard Peak Capital\n**Description:** Investment firm\n"
    )
    extraction = extract_document(parse_document("fixture.md", text))
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["A model tells you what you hope will happen, the letters what did."] == "Arjun Mehta-Kline"
    assert speakers["If I hired ten analysts, I would get ten new ideas a week and buy some."] == "Arjun Mehta-Kline"


def test_firms_relayed_words_and_citations_speak_for_no_one_in_the_episode() -> None:
    speakers = _speakers(
        'Its investor, Andreessen Horowitz, wrote: "We believe this company will define the category for years."\n\n'
        '"Agents will replace most junior analysts within two years at big banks." (Goldman Sachs, research note)\n\n'
        'J.P. Morgan said: "Credit spreads are far too tight for the risks building in the system."\n\n'
        'Priya Nandakumar quoted Steve Jobs: "Stay hungry, stay foolish, and never settle for less than that."\n\n'
        'Per Strömberg, a Swedish investor, said: "European founders underestimate how big the US market is."\n\n'
        'Priya Nandakumar cited Siri as the product that trained users: "Siri taught everyone to talk like a '
        'telegram, and we untrain it."',
        participants="Priya Nandakumar, Karin Strömberg",
    )
    assert speakers["We believe this company will define the category for years."] is None
    assert speakers["Agents will replace most junior analysts within two years at big banks."] is None
    assert speakers["Credit spreads are far too tight for the risks building in the system."] is None
    assert speakers["Stay hungry, stay foolish, and never settle for less than that."] is None
    # `Per` opening a name with an apposition is the man's first name, not `according to`
    assert speakers["European founders underestimate how big the US market is."] != "Karin Strömberg"
    # citing a product is no relaying of someone's words
    assert speakers["Siri taught everyone to talk like a telegram, and we untrain it."] == "Priya Nandakumar"


def test_chinese_relayed_words_others_and_an_answer_after_a_question() -> None:
    body = (
        '罗安然问陈慕瑶怎么看这个问题，得到的回答是："模型会越来越便宜，而且这个趋势在未来几年都不会改变。"\n\n'
        '罗安然问陈慕瑶一个问题。她回答道："推理成本会下降一个数量级，应用会爆发，这是必然的。"\n\n'
        '罗安然引用了乔布斯的一句话："求知若饥，虚心若愚，这是他一生的座右铭。"\n\n'
        '陈慕瑶认为开源会赢。他人的看法是："闭源模型会一直领先，因为它们有更多的资金投入。"'
    )
    speakers = _speakers(body, participants="罗安然, 陈慕瑶")
    assert speakers["模型会越来越便宜，而且这个趋势在未来几年都不会改变。"] == "陈慕瑶"
    assert speakers["推理成本会下降一个数量级，应用会爆发，这是必然的。"] == "陈慕瑶"
    assert speakers["求知若饥，虚心若愚，这是他一生的座右铭。"] is None
    assert speakers["闭源模型会一直领先，因为它们有更多的资金投入。"] is None


def test_but_alone_opens_a_second_main_clause_whose_subject_speaks() -> None:
    speakers = _speakers(
        "Plover's team spends heavily on content but Priya insists they measure it as research. "
        'She describes comment sections as "the cheapest user research on the whole planet."',
        participants="Dele Okafor, Priya Nandakumar",
    )
    assert speakers["the cheapest user research on the whole planet."] == "Priya Nandakumar"


def test_a_quote_followed_by_style_is_an_example_of_a_kind_no_ones_words() -> None:
    speakers = _speakers(
        "Priya Nandakumar cites data showing the most used feature is asking "
        '"where did I put my keys" style questions about the past few hours.',
    )
    assert speakers["where did I put my keys"] is None


def test_second_review_cases_of_speakers() -> None:
    speakers = _speakers(
        'Its partner, Sofia Lindqvist, wrote: "this is the best team we have backed in a whole decade."\n\n'
        'Priya Nandakumar cited Andy Grove and then gave her own view: "paranoia is overrated when the product works."\n\n'
        '"We will not fund another foundation model company this cycle." (Teodor Vance, Brindle Labs)\n\n'
        'Ralph Lauren said: "fashion is about the life you want to live, not the clothes."\n\n'
        "Dele Okafor built the first version; Priya Nandakumar scaled it across every region. "
        'Dele recalls: "we had no idea what we were doing for the first two years."',
        participants="Priya Nandakumar, Dele Okafor",
    )
    assert speakers["this is the best team we have backed in a whole decade."] == "Sofia Lindqvist"
    assert speakers["paranoia is overrated when the product works."] == "Priya Nandakumar"
    assert speakers["We will not fund another foundation model company this cycle."] == "Teodor Vance"
    assert speakers["fashion is about the life you want to live, not the clothes."] == "Ralph Lauren"
    assert speakers["we had no idea what we were doing for the first two years."] == "Dele Okafor"


def test_a_peoples_entry_opening_on_a_verb_yields_to_another_speaker_in_its_clause() -> None:
    text = (
        "# Year Two\n\n**Podcast:** Interface Notes\n**Date:** 2026-04-02\n**Participants:** Dana Ruiz\n\n---\n\n"
        "## 1. Key Themes\n\n### Siri\n\nApple rebuilt Siri.\n\n## 4. People Identified\n\n"
        '**Steve Jobs** — Apple founder. Responded after critics said the phone "would never sell to business buyers."\n\n'
        '**Lisa Su** — AMD CEO. Asked Jensen Huang about pricing, who replied "the chips will cost what they cost."\n\n'
        '**Tim Cook** — Apple CEO. Shares fell after analysts called the deal "a very expensive insurance policy."\n'
    )
    extraction = extract_document(parse_document("fixture.md", text))
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["would never sell to business buyers."] != "Steve Jobs"
    assert speakers["the chips will cost what they cost."] != "Lisa Su"
    assert speakers["a very expensive insurance policy."] != "Tim Cook"


def test_chinese_answers_named_and_data_cited() -> None:
    body = (
        '陈慕瑶在回答关于估值的问题时说："估值从来不是我们最关心的事情，团队才是最重要的。"\n\n'
        '罗安然追问了模型成本的问题。陈慕瑶回应："成本每年下降一个数量级，这是最确定的趋势。"\n\n'
        '陈慕瑶引用了一组内部数据："我们的留存率在第三个月仍然保持在百分之六十以上。"'
    )
    speakers = _speakers(body, participants="罗安然, 陈慕瑶")
    assert speakers["估值从来不是我们最关心的事情，团队才是最重要的。"] == "陈慕瑶"
    assert speakers["成本每年下降一个数量级，这是最确定的趋势。"] == "陈慕瑶"
    assert speakers["我们的留存率在第三个月仍然保持在百分之六十以上。"] == "陈慕瑶"


def test_someone_unnamed_speaking_before_a_colon_is_nobody_we_can_name() -> None:
    speakers = _speakers(
        'Priya Nandakumar argued that celebrity brands are underpriced. "At the good ones, the celebrity runs product."'
        '\n\nSomeone on the panel shot back: "That is the exception that proves the rule, and the rule is expensive."',
    )
    assert speakers["That is the exception that proves the rule, and the rule is expensive."] is None


def test_a_chinese_paragraph_above_a_block_quote_names_its_speaker() -> None:
    body = (
        '乔木追问："如果触觉这么关键，为什么大厂都没有？" 韩思远的回答是：难点在耐久性——"贴在手上的皮肤要能被摩擦一百万次。"\n\n'
        "成本的大头是电机。韩思远在大疆负责电机多年，她认为供应链是最大的优势。公司的电机成本两年内下降了六成。\n\n"
        '> "我们的成本曲线其实是抄消费电子的作业。"\n\n'
        "外界普遍担心大厂自研。韩思远持相反观点：\n\n"
        '> "大厂自己做手，等于帮全行业教育了市场。"\n\n'
        '思远的判断是："未来两年，灵巧手最大的用途是采数据。"\n\n'
        "罗安然在深圳工作了十年。\n\n"
        '> "深圳的优势是三个小时内找到任何零件。"'
    )
    speakers = _speakers(body, participants="韩思远, 罗安然, 乔木")
    assert speakers["贴在手上的皮肤要能被摩擦一百万次。"] == "韩思远"  # her answer, after the dash
    assert speakers["我们的成本曲线其实是抄消费电子的作业。"] == "韩思远"  # the sentence she opens says 认为
    assert speakers["大厂自己做手，等于帮全行业教育了市场。"] == "韩思远"  # a full-width colon's lead-in
    assert speakers["未来两年，灵巧手最大的用途是采数据。"] == "韩思远"  # her given name alone
    assert speakers["深圳的优势是三个小时内找到任何零件。"] is None  # a sentence she opens says nothing of speech
    # a given name that is also a word (`海洋`, ocean, of 王海洋) opens no sentence as the person
    ocean = _speakers(
        '海洋产业被许多投资人认为是下一个风口。\n\n> "海上风电的成本还会下降一半。"', participants="王海洋, 罗安然"
    )
    assert ocean["海上风电的成本还会下降一半。"] is None


def test_a_relative_clause_telling_what_someone_said_names_its_antecedent() -> None:
    quote = "the disclosure matters more than the percentage this year"
    lead = "Priya Nandakumar cautions that the card gives no split. She quotes an analyst, {who}, who told her that"
    for who, expected in [
        ("Mara Lindqvist of Zhongtai Securities", "Mara Lindqvist"),
        ("齐若兰 (Qi Ruolan) of Zhongtai Securities", "齐若兰"),
        ("a colleague at a bank", None),  # someone unnamed
        ("Zhongtai Securities", None),  # a firm
    ]:
        speakers = _speakers(f'{lead.format(who=who)} "{quote}."')
        assert speakers[quote + "."] == expected, who


def _claims_and_people(body: str) -> tuple[dict[str, str | None], set[str]]:
    text = f"""# [Seed Stories](https://example.com/ep/77)

**Podcast:** Early Money
**Date:** 2025-11-01
**Participants:** Priya Nandakumar, Dele Okafor

---

## 1. Key Themes

### The Theme
{body}
"""
    extraction = extract_document(parse_document("fixture.md", text))
    return {claim.text: claim.speaker for claim in extraction.claims}, {person.name for person in extraction.people}


_TARIFF_QUOTE = "If you want a city's worth of demand on our grid, you pay for the wires first."


@pytest.mark.parametrize(
    "lead_in",
    [
        "Commissioner Rosa Delgado-Finch of the Public Utility Commission of Texas defended the approach:",
        "Rosa Delgado-Finch of Halden Grid put it this way:",
        "Rosa Delgado-Finch of the Utility Commission said:",
        "Rosa Delgado-Finch at Halden Grid warned:",
        "Rosa Delgado-Finch from the Department of Energy & Water added:",
    ],
)
def test_a_speaker_named_with_where_they_work_before_the_verb(lead_in: str) -> None:
    speakers, people = _claims_and_people(f'The state moved first on the tariff. {lead_in} "{_TARIFF_QUOTE}"')
    assert speakers[_TARIFF_QUOTE] == "Rosa Delgado-Finch"
    assert not people & {"Utility Commission", "Halden Grid", "Department", "Public Utility Commission"}


@pytest.mark.parametrize(
    ("lead_in", "not_people"),
    [
        ("The chair of the Utility Commission said:", {"Utility Commission"}),
        ("The head of the Federal Reserve Bank said:", {"Reserve Bank", "Federal Reserve Bank"}),
        ("In a hearing, the chair of the Utility Commission warned:", {"Utility Commission"}),
        ("Officials at the Utility Commission said:", {"Utility Commission"}),
        ("The company's Chief Scientist said:", {"Chief Scientist"}),
        ("The firm's Managing Partner argued:", {"Managing Partner"}),
    ],
)
def test_an_organization_or_a_post_before_the_verb_is_no_speaker(lead_in: str, not_people: set[str]) -> None:
    # a capitalized run after `of the`, `at the`, or a post's words, names no person
    speakers, people = _claims_and_people(f'The state moved first on the tariff. {lead_in} "{_TARIFF_QUOTE}"')
    assert speakers[_TARIFF_QUOTE] is None
    assert not people & not_people


def test_an_utterance_given_as_an_example_is_nobodys() -> None:
    speakers = _speakers(
        'Priya Nandakumar builds laundry robots. The ability to say "fold this with seams in" or "separate '
        'the stained items first" transforms the robot into a coworker.\n\n'
        'Priya Nandakumar says "robots that fold are the wedge into every laundromat" in the interview.\n\n'
        'Priya Nandakumar sells to laundromats. This reframes the entire "services are low margin, avoid them" '
        "bias in venture."
    )
    assert speakers["services are low margin, avoid them"] is None  # a phrase set before a noun
    assert speakers["fold this with seams in"] is None
    assert speakers["separate the stained items first"] is None
    assert speakers["robots that fold are the wedge into every laundromat"] == "Priya Nandakumar"


def test_after_an_unnamed_host_takes_the_sentence_the_subject_no_longer_speaks() -> None:
    quote = "I have seen all of them come and go, and it is a mirage every time."
    body = (
        'Dele Okafor mentioned staying away from "businesses where I do not know why it is not working". '
        'The host expanded this into what he calls "mirage opportunities" for founders. '
        f'The pattern: "{quote}"'
    )
    assert _speakers(body, participants="Unknown Host, Dele Okafor")[quote] is None
    # named again after the host, the subject speaks; and the answer to a host's question is no host's
    again = f'The host expanded on it. Okafor is blunt about the pattern: "{quote}"'
    assert _speakers(again, participants="Unknown Host, Dele Okafor")[quote] == "Dele Okafor"


def test_a_post_read_out_is_its_writers_named_after_the_platform_or_with_by() -> None:
    body = (
        "Beatriz Quenneville read a LinkedIn post written by Doreen Whitacre, who ran the shop for 31 years after "
        "her father, about why she sold to a searcher rather than a private-equity firm: "
        '"The PE firm offered more. Samir was the only buyer who asked to meet the second shift."\n\n'
        'Beatriz Quenneville read a Slack message from Ivo Marr: "We shipped the whole release on a Friday."\n\n'
        'Beatriz Quenneville read an anonymous listener email: "My boss thinks the search fund is a scam."'
    )
    speakers = _speakers(body, participants="Beatriz Quenneville, Samir Al-Khatib")
    assert speakers["The PE firm offered more. Samir was the only buyer who asked to meet the second shift."] == (
        "Doreen Whitacre"
    )
    assert speakers["We shipped the whole release on a Friday."] == "Ivo Marr"
    assert speakers["My boss thinks the search fund is a scam."] is None  # read out, and nobody's we can name


def test_a_known_person_on_a_topic_heads_their_words() -> None:
    body = (
        '- Dele Okafor on the seed market: "Every seed fund is now a growth fund with a smaller check."\n'
        '- Tariffs on steel: "Costs went up eleven percent in a quarter for every buyer we track."\n'
        '- Marco Vell on pricing: "We never charge per seat anymore, only per outcome delivered."'
    )
    speakers = _speakers(body)
    assert speakers["Every seed fund is now a growth fund with a smaller check."] == "Dele Okafor"
    assert speakers["Costs went up eleven percent in a quarter for every buyer we track."] != "Dele Okafor"
    assert speakers["We never charge per seat anymore, only per outcome delivered."] is None  # nobody known


def test_words_the_lead_in_relays_are_the_named_persons() -> None:
    body = (
        "One of the first customers was Halvard Mix. Dele Okafor quoted its owner, Shay Brannick, from their "
        'first meeting: "I do not care about carbon, only whether it sets by two."\n\n'
        "As Dele Okafor recounts it, one of the first farmers to sign, Tormod Hauge, who milks 240 cows, put it "
        'this way: "I do not want to own a robot, I want to own the milk it makes."\n\n'
        "Priya Nandakumar played a clip from an interview she recorded with the union's chairwoman, Joyce Nabiri: "
        '"Farmers here do not trust insurers, they trust the union and its people."\n\n'
        "Priya Nandakumar read on air a WhatsApp message that Ernesto Valle, operations manager at Almara, sent her: "
        '"Complaints from our customers fell by half in the first month."'
    )
    speakers = _speakers(body)
    assert speakers["I do not care about carbon, only whether it sets by two."] == "Shay Brannick"
    assert speakers["I do not want to own a robot, I want to own the milk it makes."] == "Tormod Hauge"
    assert speakers["Farmers here do not trust insurers, they trust the union and its people."] == "Joyce Nabiri"
    assert speakers["Complaints from our customers fell by half in the first month."] == "Ernesto Valle"


def test_a_pronoun_quoted_is_the_sentences_other_person_or_nobody() -> None:
    body = (
        "Walt Kowalski runs a dealership in Wisconsin.\n\n"
        "Kowalski was skeptical at the first meeting, and Dele Okafor quoted him from memory: "
        '"You had better be cheaper than the Dutch and nicer than the Swedes."'
    )
    speakers = _speakers(body)
    assert speakers["You had better be cheaper than the Dutch and nicer than the Swedes."] != "Dele Okafor"


def test_a_pronoun_disagreeing_with_one_of_two_speakers_is_the_other() -> None:
    body = (
        "Dele Okafor suggested that buyers would pay a premium for green concrete. "
        'She disagreed: "A green premium is a pilot project, nobody pours a million yards at a premium."'
    )
    quote = "A green premium is a pilot project, nobody pours a million yards at a premium."
    assert _speakers(body)[quote] == "Priya Nandakumar"
    # of three, nothing tells who disagreed; and not the one disagreed with
    assert _speakers(body, participants="Priya Nandakumar, Dele Okafor, Mara Lind")[quote] is None
