"""The results as a JUnit XML report, the format every CI server reads."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from samspil_provider_kit.results import CheckResult, Verdict


def junit_xml(results: list[CheckResult]) -> str:
    root = ET.Element("testsuites", name="samspil-conformance")
    for suite in dict.fromkeys(result.suite for result in results):
        members = [result for result in results if result.suite == suite]
        element = ET.SubElement(
            root,
            "testsuite",
            name=f"samspil-conformance.{suite}",
            tests=str(len(members)),
            failures=str(sum(r.verdict is Verdict.FAILED for r in members)),
            skipped=str(sum(r.verdict is Verdict.SKIPPED for r in members)),
            errors="0",
            time=f"{sum(r.seconds for r in members):.3f}",
        )
        for result in members:
            _case(element, suite, result)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _case(suite_element: ET.Element, suite: str, result: CheckResult) -> None:
    case = ET.SubElement(
        suite_element,
        "testcase",
        classname=f"samspil-conformance.{suite}",
        name=result.name,
        time=f"{result.seconds:.3f}",
    )
    if result.verdict is Verdict.FAILED:
        ET.SubElement(case, "failure", message=result.detail).text = result.detail
    elif result.verdict is Verdict.SKIPPED:
        ET.SubElement(case, "skipped", message=result.detail)
    else:
        ET.SubElement(case, "system-out").text = result.detail


def write_junit(results: list[CheckResult], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(junit_xml(results), encoding="utf-8")
