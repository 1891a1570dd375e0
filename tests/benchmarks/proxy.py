"""A TCP proxy on loopback that counts round trips: each time the client speaks again
after the server has answered (or first), one round trip begins."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class RoundTripProxy:
    def __init__(self, upstream_port: int) -> None:
        self._upstream_port = upstream_port
        self.round_trips = 0
        self.port = 0

    async def _connection(self, client: asyncio.StreamReader, back: asyncio.StreamWriter) -> None:
        server, forth = await asyncio.open_connection("127.0.0.1", self._upstream_port)
        client_spoke_last = [False]

        async def pipe(
            source: asyncio.StreamReader, sink: asyncio.StreamWriter, from_client: bool
        ) -> None:
            with contextlib.suppress(ConnectionError):
                while data := await source.read(65536):
                    if from_client and not client_spoke_last[0]:
                        self.round_trips += 1
                    client_spoke_last[0] = from_client
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(client, forth, True), pipe(server, back, False))


@asynccontextmanager
async def round_trip_proxy(upstream_port: int) -> AsyncIterator[RoundTripProxy]:
    proxy = RoundTripProxy(upstream_port)
    server = await asyncio.start_server(proxy._connection, "127.0.0.1", 0)
    proxy.port = server.sockets[0].getsockname()[1]
    try:
        yield proxy
    finally:
        server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 5)
