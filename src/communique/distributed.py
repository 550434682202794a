"""Coding on a Dask cluster: workers run `Pipeline.process_many`, this process stays the one
writer.

`dask_engine` gives an engine for `pipeline.ingest`: documents are read here, sent to the
workers a chunk at a time, and their coded articles (with the MinHash signatures that find
repeats) come back in input order to the ordinary ingest loop, which deduplicates and writes
them in batches. Each worker builds its pipeline once, when it starts (`PipelinePlugin`).
Needs the `scale` extra: `pip install 'communique[scale]'`.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import cast

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from .errors import InputError
from .intake import RawDocument
from .pipeline import Outcome, Pipeline
from .settings import Settings

# Documents per task: one task per article would spend more time in the scheduler than coding,
# and the parser runs once per task over the candidate sentences of all its documents.
DEFAULT_CHUNK_SIZE = 32
# Bytes of input per task, past its first document. Coding time grows with length: 32 long
# articles (six times the text of 32 wire stories) as the last task of a run would keep one
# worker busy long after the others ran out of work, and 32 big web pages would make one
# outsized message through the scheduler.
DEFAULT_CHUNK_BYTES = 64 * 1024
# Tasks queued per worker thread, beyond the one it runs: enough to keep it busy while the
# writer catches up, few enough that memory stays flat however long the input stream is.
_TASKS_PER_THREAD = 3
# A local cluster shares this machine's cores with the writer, and its scheduler and nannies
# run in the writer's process. Dask's timers are set for long-lived clusters watched on a
# dashboard: an event-loop tick every 20 ms and memory checks every 100 ms took some 5% of a
# core in this process, idle, and each worker's profiler (a stack sample every 10 ms) 4% of
# the worker's. Slower, the timers still warn of a blocked loop and stop a worker that
# outgrows its memory.
_LOCAL_HOUSEKEEPING = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
}


class PipelinePlugin(WorkerPlugin):
    """Builds one `Pipeline` per worker process, when the worker starts.

    The worker keeps the plugin, so the models and knowledge load once per process and every
    task on that worker reuses them (`_code_chunk` finds it by name).
    """

    name = "communique-pipeline"
    pipeline: Pipeline  # made by `setup`, on the worker: it never travels with the plugin

    def __init__(self, settings: Settings, today: date | None) -> None:
        self.settings = settings
        self.today = today

    def setup(self, worker: object) -> None:
        self.pipeline = Pipeline(self.settings, self.today)
        # Load the models now rather than in the first task: start-up is not work.
        self.pipeline.language.load()


def _code_chunk(documents: list[RawDocument]) -> list[Outcome]:
    """Runs on a worker: code a chunk of documents with the worker's own pipeline."""
    plugin = cast(PipelinePlugin, get_worker().plugins[PipelinePlugin.name])
    return plugin.pipeline.process_many(documents)


class DaskEngine:
    """Codes documents on a Dask cluster, yielding outcomes in input order.

    A task codes a chunk of up to `chunk_size` documents and `chunk_bytes` of input. At most
    `in_flight` chunks are submitted and not yet written (by default a few per worker thread
    present when the engine is made), so neither this process nor the scheduler ever holds
    more than a bounded slice of the input stream.
    """

    def __init__(
        self,
        client: Client,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        in_flight: int | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    ) -> None:
        self.client = client
        self.chunk_size = chunk_size
        self.chunk_bytes = chunk_bytes
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = in_flight or threads * (1 + _TASKS_PER_THREAD)

    def map(self, documents: Iterable[RawDocument]) -> Iterator[tuple[RawDocument, Outcome]]:
        pending: deque[tuple[list[RawDocument], Future]] = deque()
        for chunk in _chunks(documents, self.chunk_size, self.chunk_bytes):
            pending.append((chunk, self.client.submit(_code_chunk, chunk, pure=False)))
            if len(pending) >= self.in_flight:
                yield from _outcomes(*pending.popleft())
        while pending:
            yield from _outcomes(*pending.popleft())


def _chunks(
    documents: Iterable[RawDocument], size: int, max_bytes: int
) -> Iterator[list[RawDocument]]:
    """The documents in chunks of at most `size` documents and, past the first, `max_bytes`.

    A full chunk goes at once: none waits on the next document unless its bytes decide.
    """
    chunk: list[RawDocument] = []
    chunk_bytes = 0
    for document in documents:
        if chunk and chunk_bytes + len(document.content) > max_bytes:
            yield chunk
            chunk, chunk_bytes = [], 0
        chunk.append(document)
        chunk_bytes += len(document.content)
        if len(chunk) == size:
            yield chunk
            chunk, chunk_bytes = [], 0
    if chunk:
        yield chunk


def _outcomes(chunk: list[RawDocument], future: Future) -> Iterator[tuple[RawDocument, Outcome]]:
    """The chunk's outcomes; a chunk whose worker died fails its documents, not the run."""
    try:
        outcomes: list[Outcome] = future.result()
    except Exception as error:
        reason = f"coding failed on a worker ({type(error).__name__}: {error})"
        outcomes = [InputError(document.source_file, reason) for document in chunk]
    finally:
        future.release()
    yield from zip(chunk, outcomes, strict=True)


@contextmanager
def dask_engine(
    settings: Settings,
    scheduler: str | None = None,
    workers: int | None = None,
    today: date | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[DaskEngine]:
    """A Dask engine on the cluster at `scheduler`, or on a local cluster of `workers` processes
    (one per core by default), closed again when the block ends.

    Example: `with dask_engine(settings, workers=4) as engine: ingest(paths, db, settings,
    engine=engine)`
    """
    with _client(scheduler, workers) as client:
        client.register_plugin(PipelinePlugin(settings, today))
        yield DaskEngine(client, chunk_size)


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    if scheduler is not None:
        with Client(scheduler) as client:
            # Workers of a batch system may still be queued; the in-flight bound counts them.
            client.wait_for_workers(1)
            yield client
        return
    # Read as the cluster starts (the nannies pass it on to their workers): set only meanwhile.
    with dask.config.set(_LOCAL_HOUSEKEEPING):
        # One thread per worker process: coding holds the GIL, so threads would only queue.
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never collide with a running dashboard
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client
