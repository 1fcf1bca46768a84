package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusNamesTest {

  @ParameterizedTest(name = "{1} {0} [{2}] -> {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # OpenTelemetry name           | kind            | unit          | text-format name                           | base name                               | unit word
      http.server.request.duration   | HISTOGRAM       | s             | http_server_request_duration_seconds       | http_server_request_duration_seconds    | seconds
      weft.scrape.requests           | COUNTER         | {request}     | weft_scrape_requests_total                 | weft_scrape_requests                    | -
      weft.scrape.duration           | HISTOGRAM       | s             | weft_scrape_duration_seconds               | weft_scrape_duration_seconds            | seconds
      jvm.memory.used                | UP_DOWN_COUNTER | By            | jvm_memory_used_bytes                      | jvm_memory_used_bytes                   | bytes
      jvm.gc.duration                | HISTOGRAM       | ms            | jvm_gc_duration_milliseconds               | jvm_gc_duration_milliseconds            | milliseconds
      process.memory.usage           | GAUGE           | KiBy          | process_memory_usage_kibibytes             | process_memory_usage_kibibytes          | kibibytes
      disk.io                        | COUNTER         | MiBy          | disk_io_mebibytes_total                    | disk_io_mebibytes                       | mebibytes
      process.cpu.time               | COUNTER         | s             | process_cpu_time_seconds_total             | process_cpu_time_seconds                | seconds
      jvm.cpu.recent_utilization     | GAUGE           | 1             | jvm_cpu_recent_utilization_ratio           | jvm_cpu_recent_utilization_ratio        | ratio
      jvm.thread.count.ratio         | GAUGE           | 1             | jvm_thread_count_ratio                     | jvm_thread_count_ratio                  | ratio
      queue.fill                     | UP_DOWN_COUNTER | 1             | queue_fill                                 | queue_fill                              | -
      tasks.done                     | COUNTER         | 1             | tasks_done_total                           | tasks_done                              | -
      network.io                     | COUNTER         | By/s          | network_io_bytes_per_second_total          | network_io_bytes_per_second             | bytes_per_second
      queue.arrivals                 | GAUGE           | {task}/s      | queue_arrivals_per_second                  | queue_arrivals_per_second               | per_second
      load                           | GAUGE           | 1/min         | load_per_minute                            | load_per_minute                         | per_minute
      payload.size                   | HISTOGRAM       | By{compressed}| payload_size_bytes                         | payload_size_bytes                      | bytes
      system.network.dropped         | COUNTER         | packets       | system_network_dropped_packets_total       | system_network_dropped_packets          | packets
      room.temperature               | GAUGE           | Cel           | room_temperature_celsius                   | room_temperature_celsius                | celsius
      disk.free                      | GAUGE           | %             | disk_free_percent                          | disk_free_percent                       | percent
      cache.hits                     | COUNTER         | -             | cache_hits_total                           | cache_hits                              | -
      cache.hits_total               | COUNTER         | -             | cache_hits_total                           | cache_hits                              | -
      cache.total                    | COUNTER         | s             | cache_seconds_total                        | cache_seconds                           | seconds
      request.latency_seconds        | HISTOGRAM       | s             | request_latency_seconds                    | request_latency_seconds                 | seconds
      busy.seconds_total             | COUNTER         | s             | busy_seconds_total                         | busy_seconds                            | seconds
      seconds.before.deadline        | GAUGE           | s             | seconds_before_deadline_seconds            | seconds_before_deadline_seconds         | seconds
      a-b/c..d                       | GAUGE           | -             | a_b_c_d                                    | a_b_c_d                                 | -
      queue.depth.                   | GAUGE           | {item}        | queue_depth_                               | queue_depth_                            | -
      queue.wait.                    | GAUGE           | s             | queue_wait_seconds                         | queue_wait_seconds                      | seconds
      total                          | COUNTER         | -             | total_total                                | total                                   | -
      """)
  void translatesMetricNames(String name, MetricKind kind, String unit, String exposed, String base, String unitWord) {
    PrometheusNames.Family family = PrometheusNames.family(name, kind, unit == null ? "" : unit);
    assertEquals(new PrometheusNames.Family(base, unitWord, exposed), family);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      http.request.method       | http_request_method
      http.response.status_code | http_response_status_code
      otel.metric.overflow      | otel_metric_overflow
      service.name              | service_name
      k8s.pod-name              | k8s_pod_name
      _private                  | _private
      __reserved__              | _reserved_
      a..b--c                   | a_b_c
      9lives                    | key_9lives
      été.x                     | _t_x
      le                        | le
      """)
  void sanitizesAttributeKeys(String key, String label) {
    assertEquals(label, PrometheusNames.label(key));
  }
}
