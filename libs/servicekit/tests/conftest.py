"""Spans of this test process, captured in memory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import structlog
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from servicekit import tracing


@pytest.fixture(scope="session")
def _exporter() -> InMemorySpanExporter:
    exporter = InMemorySpanExporter()
    tracing.configure("servicekit-tests").add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


@pytest.fixture
def spans(_exporter: InMemorySpanExporter) -> Iterator[InMemorySpanExporter]:
    _exporter.clear()
    return _exporter


@pytest.fixture(autouse=True)
def _fresh_logging() -> Iterator[None]:
    """A test that configures logging binds it to its own captured stdout, closed after
    it; later tests (eventkit's too, in the same session) must not write there."""
    yield
    structlog.reset_defaults()
