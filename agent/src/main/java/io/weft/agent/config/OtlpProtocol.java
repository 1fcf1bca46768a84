package io.weft.agent.config;

/** The OTLP transports named by {@code OTEL_EXPORTER_OTLP_PROTOCOL} that Weft recognises. */
public final class OtlpProtocol {
  /** The one Weft sends with. */
  public static final String HTTP_PROTOBUF = "http/protobuf";
  /** Recognised so that it gets a clear warning; not built in (see docs/configuration.md). */
  public static final String GRPC = "grpc";

  private OtlpProtocol() {}
}
