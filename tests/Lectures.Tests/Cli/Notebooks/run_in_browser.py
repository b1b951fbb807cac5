"""Opens a notebook in a running classic Jupyter Notebook (6.x) in headless Chromium, sets its kernel through the
UI, runs all cells from the Cell menu, and reports what the page shows.

usage: run_in_browser.py BASE_URL TOKEN NOTEBOOK_NAME KERNEL_NAME SCREENSHOT_PNG TIMEOUT_SECONDS

Prints one JSON line: {"kernel": name the notebook ran on, "cells": code cells, "executed": code cells with an
execution count, "errors": error outputs, "charts": chart containers (.lectures-chart), "drawn": chart containers
with a drawn plotly svg (.main-svg), "tables": rendered kit tables (table.lectures-table), "chose": how the kernel
was chosen}. Exit code 0 when the page ran to the end, 1 otherwise (the reason on stderr).
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

STATE = """
var cells = Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; });
var charts = Array.from(document.querySelectorAll('.output_area .lectures-chart'));
return {
  kernel: Jupyter.notebook.kernel ? Jupyter.notebook.kernel.name : null,
  busy: document.querySelector('#kernel_indicator_icon.kernel_busy_icon') !== null,
  cells: cells.length,
  executed: cells.filter(function (c) { return typeof c.input_prompt_number === 'number'; }).length,
  running: cells.filter(function (c) { return c.input_prompt_number === '*'; }).length,
  errors: document.querySelectorAll('.output_area .output_error').length,
  charts: charts.length,
  drawn: charts.filter(function (c) { return c.querySelector('svg.main-svg') !== null; }).length,
  tables: document.querySelectorAll('.output_area table.lectures-table').length
};
"""


def main(base, token, name, kernel, screenshot, timeout):
    deadline = time.time() + float(timeout)
    options = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(f"{base}/notebooks/{name}?token={token}")
        wait = WebDriverWait(driver, 120)
        wait.until(lambda d: d.execute_script("return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)"))
        chose = choose_kernel(driver, wait, kernel)
        wait.until(lambda d: d.execute_script(
            "return !!(Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())"))
        # Cell > Run All, as a user does.
        driver.find_element(By.ID, "celllink").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "run_all_cells").is_displayed())
        driver.find_element(By.ID, "run_all_cells").click()
        state = None
        while time.time() < deadline:
            time.sleep(2)
            state = driver.execute_script(STATE)
            if state["executed"] == state["cells"] and state["running"] == 0 and not state["busy"]:
                break
            if state["errors"] > 0 and state["running"] == 0 and not state["busy"]:
                break
        time.sleep(3)  # let plotly finish drawing the last charts
        state = driver.execute_script(STATE)
        state["chose"] = chose
        shoot(driver, screenshot)
        print(json.dumps(state))
        return 0
    except Exception as error:  # report, keep a screenshot of what the page showed
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        try:
            shoot(driver, screenshot)
        except Exception:
            pass
        return 1
    finally:
        driver.quit()


def choose_kernel(driver, wait, kernel):
    """Picks KERNEL in the 'Kernel not found' dialog, or from Kernel > Change kernel when no dialog asks."""
    for _ in range(20):
        dialogs = [d for d in driver.find_elements(By.CSS_SELECTOR, ".modal-dialog") if d.is_displayed()]
        if dialogs:
            Select(dialogs[0].find_element(By.TAG_NAME, "select")).select_by_value(kernel)
            dialogs[0].find_element(By.XPATH, ".//button[normalize-space()='Set Kernel']").click()
            return "dialog"
        if driver.execute_script("return !!Jupyter.notebook.kernel"):
            break
        time.sleep(0.5)
    if driver.execute_script("return Jupyter.notebook.kernel ? Jupyter.notebook.kernel.name : null") == kernel:
        return "language"
    driver.find_element(By.ID, "kernellink").click()
    driver.find_element(By.ID, "menu-change-kernel").click()
    wait.until(lambda d: d.find_element(By.ID, f"kernel-submenu-{kernel}").is_displayed())
    driver.find_element(By.ID, f"kernel-submenu-{kernel}").click()
    wait.until(lambda d: d.execute_script("return Jupyter.notebook.kernel && Jupyter.notebook.kernel.name") == kernel)
    return "menu"


def shoot(driver, png):
    """Scrolls the notebook to its first drawn chart (else the top) and saves the window as PNG."""
    driver.execute_script("""
        var chart = document.querySelector('.output_area .lectures-chart svg.main-svg');
        if (chart) chart.closest('.cell').scrollIntoView();""")
    time.sleep(1)
    driver.save_screenshot(png)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:7]))
