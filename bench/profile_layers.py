"""Reads `perf script` output of one server on stdin; prints its CPU time per request by layer.

Each sample is charged to the layer of its innermost frame that belongs to a known layer; frames of
the base library, libc and the kernel are transparent, so a socket write is charged to whoever
made it (Kestrel or Npgsql). Output lines: op target layer cpu_us_per_request samples.
"""
import sys
from collections import Counter

# Checked in this order within one frame, so the more specific names come first.
LAYERS = [
    ("garbage collection", ["gc_heap::", "GCHeap::", "WKS::gc", "SVR::gc", "GCToEEInterface"]),
    ("JIT compiler", ["libclrjit.so"]),
    ("EF Core", ["Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore"]),
    ("Npgsql", ["Npgsql."]),
    ("logging", ["Serilog", "Microsoft.Extensions.Logging"]),
    ("JSON", ["System.Text.Json", "CatalogJsonContext", "FloorJson"]),
    ("authentication", ["Microsoft.AspNetCore.Authentication", "Microsoft.IdentityModel", "System.IdentityModel"]),
    ("authorization", ["Microsoft.AspNetCore.Authorization"]),
    ("rate limiting", ["RateLimiting"]),
    ("validation", ["FluentValidation"]),
    ("mapping", ["Mapster"]),
    ("mediator and handlers", ["Mediator.", "Ecommerce.Application"]),
    ("dependency injection", ["Microsoft.Extensions.DependencyInjection"]),
    ("routing and endpoint binding", ["Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Http.RequestDelegateFactory",
                                      "Microsoft.AspNetCore.Http.Generated", "Microsoft.AspNetCore.Http.HttpResults",
                                      "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.Http.TypedResults"]),
    ("service middleware and endpoints", ["Ecommerce.", "Microsoft.AspNetCore.Cors", "Microsoft.AspNetCore.Diagnostics",
                                          "Microsoft.AspNetCore.HostFiltering", "Microsoft.AspNetCore.Builder", "Program"]),
    ("Kestrel and HTTP parsing", ["Microsoft.AspNetCore.Server.Kestrel", "System.IO.Pipelines", "Microsoft.AspNetCore.Hosting",
                                  "Microsoft.AspNetCore.Http"]),
    ("thread pool (dispatch and idle)", ["ThreadPool", "LowLevelLifoSemaphore", "LowLevelMonitor"]),
]
OTHER = "runtime, base library and kernel (other)"


def layer_of(frames):
    for frame in frames:
        for layer, needles in LAYERS:
            if any(needle in frame for needle in needles):
                return layer
    return OTHER


def samples(stream):
    frames = []
    for line in stream:
        if not line.strip():
            if frames:
                yield frames
            frames = []
        elif line[0].isspace():
            frames.append(line.strip())
    if frames:
        yield frames


op, target, hz, rps, seconds = sys.argv[1:6]
counts = Counter(layer_of(frames) for frames in samples(sys.stdin))
requests = float(rps) * float(seconds)
for layer, count in counts.items():
    cpu_us = count / float(hz) / requests * 1e6 if requests else float("nan")
    print(f"{op}\t{target}\t{layer}\t{cpu_us:.1f}\t{count}")
