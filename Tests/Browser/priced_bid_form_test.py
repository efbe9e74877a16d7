#!/usr/bin/env python3
"""Real-browser test of the HTML bid form of a solicitation priced per zone and option.

Usage: python3 Tests/Browser/priced_bid_form_test.py BID_FORM_HTML XSD [CHECK_BID_COMMAND...]

Opens the rendered bid form in headless Chromium and, for every price input (one per line, zone with demand
and option), types a unit price or, for an index-differential option, a differential (some negative); leaves one
zone of one line unbid; compares each extended price (a differential's at the reference price plus the
differential) and the live subtotals and totals per (zone, option) with exact decimal arithmetic done here;
saves the bid, validates the downloaded XML against the XSD with xmllint, compares what it holds, and runs the
CHECK_BID_COMMAND (e.g. `cosolicit check-bid --solicitation DIR`) with the saved file appended, requiring exit
status 0 and no warning. Prints `N passed, M failed` last; exits 1 on any failure, 2 without a browser.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bid_form_test  # noqa: E402
from bid_form_test import (  # noqa: E402  (the plain form's test: the same browser and helpers)
    ADDRESS, BIDDER, DATE, NS, TIMEOUT, amount_of, click, set_value, type_into, wait_for_download)
from selenium.webdriver.common.by import By  # noqa: E402

CENT = Decimal("0.01")
UNIT_PRICES = ["2.515", "3.1", "2.675", "0.005", "4.4449"]
DIFFERENTIALS = ["-0.055", "0.125", "-0.0005", "0", "0.3333"]


def cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def read_prices(driver):
    """Every price input of the page, in order, with what the page publishes about it."""
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.zone-price'), function (cell) {"
        "  var row = cell.closest('tr.line'), lot = cell.closest('section.lot');"
        "  return {lot: lot.dataset.lotId, line: row.dataset.number, zone: cell.dataset.zone,"
        "    asNeeded: row.dataset.asNeeded === 'true',"
        "    option: cell.dataset.option, differential: cell.dataset.differential === 'true',"
        "    reference: cell.dataset.reference, quantity: cell.dataset.quantity,"
        "    input: cell.querySelector('.zone-price-input').id, extended: cell.querySelector('.price-extended').id,"
        "    nobid: cell.querySelector('.price-nobid').id}; });")


def exercise(driver, html_path, xsd_path, check_command, download_dir, checks):
    driver.get(Path(html_path).resolve().as_uri())
    prices = read_prices(driver)
    checks.check(len(prices) > 0, "the form has a price input per (line, zone, option)", f"{len(prices)} inputs")
    zones = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('tr.zone-decl'), function (r) {"
        " return r.dataset.zoneId; });")
    options = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('tr.option-decl'), function (r) {"
        " return r.dataset.optionId; });")
    checks.check(zones != [] and options != [], "the form lists the zones and the options", repr((zones, options)))

    # --- an invalid price is flagged, a negative differential is not ---
    unit = next(p for p in prices if not p["differential"])
    type_into(driver, unit["input"], "-1")
    flagged = driver.find_element(By.ID, unit["input"]).get_attribute("aria-invalid") == "true"
    checks.check(flagged, "a negative unit price is flagged")
    type_into(driver, unit["input"], "")

    # --- bidder ---
    for element_id, text in BIDDER.items():
        type_into(driver, element_id, text)
    type_into(driver, "bidder-address", ADDRESS)
    set_value(driver, "bidder-date", DATE, "change")
    if not driver.find_element(By.ID, "bidder-noncollusion").is_selected():
        click(driver, "bidder-noncollusion")

    # --- every price typed; the last unit-price input of a line with several zones left unbid ---
    unbid = next((p for p in reversed(prices) if not p["differential"] and p["zone"]), None)
    expected = {}
    for index, price in enumerate(prices):
        if price is unbid:
            click(driver, price["nobid"])
            continue
        if price["differential"]:
            typed = DIFFERENTIALS[index % len(DIFFERENTIALS)]
            unit_price = Decimal(price["reference"]) + Decimal(typed)
        else:
            typed = UNIT_PRICES[index % len(UNIT_PRICES)]
            unit_price = Decimal(typed)
        type_into(driver, price["input"], typed)
        # An as-needed line has no quantity: its price is the bid, with no extended price and nothing summed.
        extended = None if price["asNeeded"] else cents(unit_price * Decimal(price["quantity"]))
        expected[price["input"]] = (typed, extended)
    for line in sorted({p["line"] for p in prices}):
        type_into(driver, f"brand-{line}", f"Brand {line}")

    wrong = [f"{p['input']}: {amount_of(driver, p['extended'])!r} != {expected[p['input']][1]}"
             for p in prices if p["input"] in expected and not p["asNeeded"]
             and amount_of(driver, p["extended"]) != f"{expected[p['input']][1]:.2f}"]
    checks.check(wrong == [], "each extended price is exact (a differential's at the reference price)",
                 "; ".join(wrong[:5]))

    as_needed = [p for p in prices if p["asNeeded"] and p["input"] in expected]
    if as_needed:
        shown = [driver.find_element(By.ID, p["extended"]).text.strip() for p in as_needed]
        checks.check(all(text == "as needed" for text in shown),
                     "an as-needed line shows 'as needed' and no extended price", repr(shown))

    totals = {}
    subtotals = {}
    for price in prices:
        if price["input"] not in expected or price["asNeeded"]:
            continue
        key = (price["zone"], price["option"])
        totals[key] = totals.get(key, Decimal(0)) + expected[price["input"]][1]
        subtotals[(price["lot"],) + key] = subtotals.get((price["lot"],) + key, Decimal(0)) + expected[price["input"]][1]
    shown = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.pair-total'), function (o) {"
        " return [o.dataset.zone, o.dataset.option, o.dataset.value]; });")
    wrong = [f"{z}/{o}: {v!r}" for z, o, v in shown
             if (v or None) != (f"{totals[(z, o)]:.2f}" if (z, o) in totals else None)]
    checks.check(len(shown) == len(zones) * len(options) and wrong == [],
                 "the live totals per zone and option are the exact sums", "; ".join(wrong))
    shown = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.pair-subtotal'), function (o) {"
        " return [o.closest('section.lot').dataset.lotId, o.dataset.zone, o.dataset.option, o.dataset.value]; });")
    wrong = [f"{l}/{z}/{o}: {v!r}" for l, z, o, v in shown
             if (v or None) != (f"{subtotals[(l, z, o)]:.2f}" if (l, z, o) in subtotals else None)]
    checks.check(wrong == [], "the live lot subtotals per zone and option are the exact sums", "; ".join(wrong))

    # --- save ---
    file_name = "bid-" + driver.find_element(By.ID, "bid-sheet").get_attribute("data-solicitation") + ".xml"
    click(driver, "save-bid")
    saved = wait_for_download(download_dir, file_name)
    if not checks.check(saved is not None, f"Save bid downloads {file_name}",
                        driver.find_element(By.ID, "save-status").text):
        return
    result = subprocess.run(["xmllint", "--noout", "--schema", str(xsd_path), str(saved)],
                            capture_output=True, text=True, timeout=TIMEOUT)
    checks.check(result.returncode == 0, "the saved bid is valid against the XSD (xmllint)",
                 result.stderr.strip()[-800:])

    root = ET.parse(saved).getroot()
    problems = []
    if [z.get("id") for z in root.iter(NS + "zone") if z.get("participants") is not None] != zones:
        problems.append("zones not declared as published")
    if [o.get("id") for o in root.iter(NS + "option")] != options:
        problems.append("options not declared as published")
    saved_prices = {}
    for line in root.iter(NS + "line"):
        for price in line.findall(NS + "price"):
            saved_prices[(line.get("number"), price.get("zone") or "", price.get("option") or "")] = price
    for price in prices:
        element = saved_prices.get((price["line"], price["zone"], price["option"]))
        if element is None:
            problems.append(f"no saved price for {price['input']}")
        elif price is unbid:
            if element.find(NS + "noBid") is None:
                problems.append(f"{price['input']} not saved as noBid")
        else:
            typed, extended = expected[price["input"]]
            tag = "differential" if price["differential"] else "unitPrice"
            written = element.findtext(NS + tag)
            if written is None or Decimal(written) != Decimal(typed):
                problems.append(f"{price['input']} {tag}={written!r}, typed {typed!r}")
            if extended is None:
                if element.find(NS + "extendedPrice") is not None:
                    problems.append(f"{price['input']} is as needed but saved an extendedPrice")
            elif element.findtext(NS + "extendedPrice") != f"{extended:.2f}":
                problems.append(f"{price['input']} extendedPrice={element.findtext(NS + 'extendedPrice')!r}")
    published = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('tr.line'), function (r) {"
        " return [r.dataset.number, r.dataset.minimum, r.dataset.maximum, r.dataset.asNeeded === 'true']; });")
    for number, minimum, maximum, line_as_needed in published:
        line = next((l for l in root.iter(NS + "line") if l.get("number") == number), None)
        if line is None:
            continue
        if (line.findtext(NS + "minimumQuantity") or "") != minimum or \
                (line.findtext(NS + "maximumQuantity") or "") != maximum:
            problems.append(f"line {number}: band not saved as published")
        if (line.find(NS + "asNeeded") is not None) != line_as_needed:
            problems.append(f"line {number}: asNeeded not saved as published")
    for total in root.findall(NS + "total"):
        key = (total.get("zone"), total.get("option"))
        if total.text != f"{totals.get(key, Decimal(0)):.2f}":
            problems.append(f"total {key}={total.text!r}")
    checks.check(problems == [], "the saved prices, zones, options and totals are exact", "; ".join(problems[:8]))

    if check_command:
        command = list(check_command) + [str(saved)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        output = result.stdout + result.stderr
        checks.check(result.returncode == 0 and "warning:" not in output and "error:" not in output,
                     "check-bid accepts the saved bid without a warning: " + " ".join(command),
                     f"exit {result.returncode}: {output.strip()[-1200:]}")
        checks.check("at the reference price" in output, "check-bid says a differential is totalled at the reference price",
                     output.strip()[-600:])


def main(argv):
    return bid_form_test.main(argv, exercise, usage=__doc__.strip().splitlines()[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
