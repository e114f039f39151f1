"""The Redis cache backend reuses its redis-py client instead of building one per call."""

from portal.redis_cache import RedisCache


def test_every_call_shares_one_client_per_connection_pool():
    # No connection is made: a client connects on its first command.
    backend = RedisCache("redis://127.0.0.1:6379/0", {})
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b", write=True) is client
    assert client.connection_pool is backend._cache._get_connection_pool(write=False)


def test_replicas_each_get_their_own_client():
    backend = RedisCache("redis://primary:6379/0,redis://replica:6379/0", {})
    writer = backend._cache.get_client(write=True)
    assert writer.connection_pool is backend._cache._get_connection_pool(write=True)
    assert backend._cache.get_client(write=True) is writer
    assert backend._cache.get_client(write=False) is not writer
