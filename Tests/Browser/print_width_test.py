"""Real-browser check that no table of a document is wider than the printed page.

Usage: python3 Tests/Browser/print_width_test.py WIDTH_PX HTML...

Opens each document in headless Chromium with print media emulated and the viewport as wide as the printable
width of its page (WIDTH_PX CSS pixels: US letter portrait with 13 mm margins is 718, landscape with 10 mm
margins 980), lays it out as Chromium prints it, and checks that every table fits: its right edge within the
page and nothing in it scrolled out of sight (printing clips what does not fit). Also checks that the page
itself does not scroll sideways.

Needs: Debian's chromium and chromium-driver, selenium (PyPI).
Prints one line per check and `N passed, M failed` last; exits 1 on any failure, 2 when the browser cannot be
started.
"""

import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

OVERFLOWING_TABLES = """
const width = document.documentElement.clientWidth;
const found = [];
document.querySelectorAll('table').forEach((table, index) => {
  const box = table.getBoundingClientRect();
  if (box.right > width + 0.5 || table.scrollWidth > table.clientWidth + 1) {
    const name = table.id || table.className || 'table';
    found.push(`#${index + 1} (${name}): right edge ${Math.round(box.right)} px, scroll width ` +
      `${table.scrollWidth} px, page ${width} px`);
  }
});
if (document.documentElement.scrollWidth > width + 1) {
  found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide, page ${width} px`);
}
return [document.querySelectorAll('table').length, found];
"""


def main(arguments):
    if len(arguments) < 2:
        print(__doc__)
        return 2
    width = int(arguments[0])
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--no-first-run", "--disable-background-networking"):
        options.add_argument(argument)
    try:
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    except Exception as error:  # noqa: BLE001 - any failure to start is reported the same way
        print(f"cannot start the browser: {error}")
        return 2
    passed = failed = 0
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for document in arguments[1:]:
            driver.get(Path(document).resolve().as_uri())
            count, overflowing = driver.execute_script(OVERFLOWING_TABLES)
            if overflowing or count == 0:
                failed += 1
                print(f"FAIL {document}: {count} tables; " + ("; ".join(overflowing) or "no table to check"))
            else:
                passed += 1
                print(f"ok   {document}: {count} tables fit {width} px")
    finally:
        driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
