package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.log.WeftLog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One Servlet API ({@code javax.servlet} or {@code jakarta.servlet}) as one class loader defines it,
 * read through method handles: this class is on the bootstrap class path and cannot name servlet
 * types, and an application server may hold several copies of the API.
 *
 * <p>Resolved once per concrete request class ({@link ClassValue}, so a web application's classes
 * stay collectable) from the {@code HttpServletRequest} interface that class implements; handles for
 * methods a version lacks (Servlet 3.0 has no {@code getContentLengthLong}, 3.x no {@code
 * getHttpServletMapping}) are null. Each read costs one non-constant method-handle call (a few
 * nanoseconds more than an interface call) and allocates nothing unless the method does.
 */
final class ServletApi {

  private static final String[] NAMESPACES = {"jakarta.servlet", "javax.servlet"};

  /** Per request class: its API, or {@link #NONE} when it is not an {@code HttpServletRequest}. */
  private static final ClassValue<ServletApi> BY_REQUEST_CLASS = new ClassValue<>() {
    @Override
    protected ServletApi computeValue(Class<?> type) {
      return resolve(type);
    }
  };

  /** Marks classes that are not HTTP servlet requests (or whose API could not be read). */
  private static final ServletApi NONE = new ServletApi();

  private static final MethodType OBJECT_TO_STRING = MethodType.methodType(String.class, Object.class);
  private static final MethodType OBJECT_TO_BOOLEAN = MethodType.methodType(boolean.class, Object.class);
  private static final MethodType OBJECT_TO_INT = MethodType.methodType(int.class, Object.class);
  private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);

  final String namespace;
  private final String servletExceptionName;
  /** Where the API's types live: proxies implementing its {@code AsyncListener} are defined here. */
  final ClassLoader loader;
  final Class<?> asyncListener;

  private final MethodHandle method;
  private final MethodHandle scheme;
  private final MethodHandle protocol;
  private final MethodHandle getAttribute;
  private final MethodHandle setAttribute;
  private final MethodHandle contextPath;
  private final MethodHandle servletPath;
  private final MethodHandle pathInfo;
  private final MethodHandle requestUri;
  private final MethodHandle contentLength;
  private final MethodHandle isAsyncStarted;
  private final MethodHandle asyncContext;
  /** Null before Servlet 4.0. */
  private final MethodHandle mapping;
  private final MethodHandle mappingPattern;
  private final MethodHandle mappingMatch;
  private final MethodHandle status;
  private final MethodHandle isCommitted;
  private final MethodHandle responseHeader;
  private final MethodHandle addListener;
  private final MethodHandle eventThrowable;
  private final MethodHandle eventAsyncContext;

  private ServletApi() {
    namespace = null;
    servletExceptionName = null;
    loader = null;
    asyncListener = null;
    method = scheme = protocol = getAttribute = setAttribute = contextPath = servletPath = pathInfo = requestUri =
        contentLength = isAsyncStarted = asyncContext = mapping = mappingPattern = mappingMatch = status =
            isCommitted = responseHeader = addListener = eventThrowable = eventAsyncContext = null;
  }

  private ServletApi(String namespace, Class<?> request) throws ReflectiveOperationException {
    this.namespace = namespace;
    this.servletExceptionName = namespace + ".ServletException";
    this.loader = request.getClassLoader();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Class<?> response = type(namespace + ".http.HttpServletResponse");
    Class<?> asyncContextType = type(namespace + ".AsyncContext");
    Class<?> asyncEvent = type(namespace + ".AsyncEvent");
    asyncListener = type(namespace + ".AsyncListener");

    method = stringGetter(lookup, request, "getMethod");
    scheme = stringGetter(lookup, request, "getScheme");
    protocol = stringGetter(lookup, request, "getProtocol");
    contextPath = stringGetter(lookup, request, "getContextPath");
    servletPath = stringGetter(lookup, request, "getServletPath");
    pathInfo = stringGetter(lookup, request, "getPathInfo");
    requestUri = stringGetter(lookup, request, "getRequestURI");
    getAttribute = lookup.findVirtual(request, "getAttribute", MethodType.methodType(Object.class, String.class))
        .asType(MethodType.methodType(Object.class, Object.class, String.class));
    setAttribute = lookup.findVirtual(request, "setAttribute",
            MethodType.methodType(void.class, String.class, Object.class))
        .asType(MethodType.methodType(void.class, Object.class, String.class, Object.class));
    isAsyncStarted = lookup.findVirtual(request, "isAsyncStarted", MethodType.methodType(boolean.class))
        .asType(OBJECT_TO_BOOLEAN);
    asyncContext = lookup.findVirtual(request, "getAsyncContext", MethodType.methodType(asyncContextType))
        .asType(OBJECT_TO_OBJECT);
    contentLength = contentLength(lookup, request);

    MethodHandle mappingGetter = null;
    MethodHandle patternGetter = null;
    MethodHandle matchName = null;
    Class<?> mappingType = optionalType(namespace + ".http.HttpServletMapping");
    if (mappingType != null) {
      Class<?> matchType = type(namespace + ".http.MappingMatch");
      mappingGetter = lookup.findVirtual(request, "getHttpServletMapping", MethodType.methodType(mappingType))
          .asType(OBJECT_TO_OBJECT);
      patternGetter = stringGetter(lookup, mappingType, "getPattern");
      matchName = MethodHandles.filterReturnValue(
              lookup.findVirtual(mappingType, "getMappingMatch", MethodType.methodType(matchType)),
              lookup.findVirtual(Enum.class, "name", MethodType.methodType(String.class)).asType(
                  MethodType.methodType(String.class, matchType)))
          .asType(OBJECT_TO_STRING);
    }
    mapping = mappingGetter;
    mappingPattern = patternGetter;
    mappingMatch = matchName;

    status = lookup.findVirtual(response, "getStatus", MethodType.methodType(int.class)).asType(OBJECT_TO_INT);
    isCommitted = lookup.findVirtual(response, "isCommitted", MethodType.methodType(boolean.class))
        .asType(OBJECT_TO_BOOLEAN);
    responseHeader = lookup.findVirtual(response, "getHeader", MethodType.methodType(String.class, String.class))
        .asType(MethodType.methodType(String.class, Object.class, String.class));
    addListener = lookup.findVirtual(asyncContextType, "addListener", MethodType.methodType(void.class, asyncListener))
        .asType(MethodType.methodType(void.class, Object.class, Object.class));
    eventThrowable = lookup.findVirtual(asyncEvent, "getThrowable", MethodType.methodType(Throwable.class))
        .asType(MethodType.methodType(Throwable.class, Object.class));
    eventAsyncContext = lookup.findVirtual(asyncEvent, "getAsyncContext", MethodType.methodType(asyncContextType))
        .asType(OBJECT_TO_OBJECT);
  }

  /** The API the request is read through, or null when it is not an {@code HttpServletRequest}. Cost: a {@link ClassValue} read. */
  static ServletApi of(Object request) {
    if (request == null) {
      return null;
    }
    ServletApi api = BY_REQUEST_CLASS.get(request.getClass());
    return api == NONE ? null : api;
  }

  private static ServletApi resolve(Class<?> type) {
    for (String namespace : NAMESPACES) {
      Class<?> request = findInterface(type, namespace + ".http.HttpServletRequest");
      if (request != null) {
        try {
          return new ServletApi(namespace, request);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          WeftLog.warnLimited("http.server.servlet.api:" + type.getName(),
              "cannot read the " + namespace + " API of " + type.getName() + "; its requests are not measured: " + e);
          return NONE;
        }
      }
    }
    return NONE;
  }

  /** The interface of that name among the type's supertypes, as the type itself sees it. */
  private static Class<?> findInterface(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        Class<?> found = i.getName().equals(name) ? i : findInterface(i, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName(name, false, loader);
  }

  private Class<?> optionalType(String name) {
    try {
      return type(name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static MethodHandle stringGetter(MethodHandles.Lookup lookup, Class<?> type, String name)
      throws ReflectiveOperationException {
    return lookup.findVirtual(type, name, MethodType.methodType(String.class)).asType(OBJECT_TO_STRING);
  }

  /** {@code getContentLengthLong()} (Servlet 3.1+), else {@code getContentLength()} widened. */
  private static MethodHandle contentLength(MethodHandles.Lookup lookup, Class<?> request)
      throws ReflectiveOperationException {
    MethodType objectToLong = MethodType.methodType(long.class, Object.class);
    try {
      return lookup.findVirtual(request, "getContentLengthLong", MethodType.methodType(long.class))
          .asType(objectToLong);
    } catch (NoSuchMethodException e) {
      return lookup.findVirtual(request, "getContentLength", MethodType.methodType(int.class)).asType(objectToLong);
    }
  }

  String method(Object request) throws Throwable {
    return (String) method.invokeExact(request);
  }

  String scheme(Object request) throws Throwable {
    return (String) scheme.invokeExact(request);
  }

  String protocol(Object request) throws Throwable {
    return (String) protocol.invokeExact(request);
  }

  Object attribute(Object request, String name) throws Throwable {
    return (Object) getAttribute.invokeExact(request, name);
  }

  void setAttribute(Object request, String name, Object value) throws Throwable {
    setAttribute.invokeExact(request, name, value);
  }

  String contextPath(Object request) throws Throwable {
    return (String) contextPath.invokeExact(request);
  }

  String servletPath(Object request) throws Throwable {
    return (String) servletPath.invokeExact(request);
  }

  String pathInfo(Object request) throws Throwable {
    return (String) pathInfo.invokeExact(request);
  }

  /** The request URI's path, undecoded, without the query string. */
  String requestUri(Object request) throws Throwable {
    return (String) requestUri.invokeExact(request);
  }

  /** The declared request body length, or -1 when unknown. */
  long contentLength(Object request) throws Throwable {
    return (long) contentLength.invokeExact(request);
  }

  boolean isAsyncStarted(Object request) throws Throwable {
    return (boolean) isAsyncStarted.invokeExact(request);
  }

  /** Whether the API has {@code HttpServletMapping} (Servlet 4.0+). */
  boolean hasMapping() {
    return mapping != null;
  }

  /** The request's {@code HttpServletMapping}; only when {@link #hasMapping()}. */
  Object mapping(Object request) throws Throwable {
    return (Object) mapping.invokeExact(request);
  }

  String mappingPattern(Object mapping) throws Throwable {
    return (String) mappingPattern.invokeExact(mapping);
  }

  /** The name of the mapping's {@code MappingMatch}: CONTEXT_ROOT, DEFAULT, EXACT, EXTENSION or PATH. */
  String mappingMatch(Object mapping) throws Throwable {
    return (String) mappingMatch.invokeExact(mapping);
  }

  int status(Object response) throws Throwable {
    return (int) status.invokeExact(response);
  }

  boolean isCommitted(Object response) throws Throwable {
    return (boolean) isCommitted.invokeExact(response);
  }

  String responseHeader(Object response, String name) throws Throwable {
    return (String) responseHeader.invokeExact(response, name);
  }

  /** {@code request.getAsyncContext().addListener(listener)}; the listener implements {@link #asyncListener}. */
  void addAsyncListener(Object request, Object listener) throws Throwable {
    addListener((Object) asyncContext.invokeExact(request), listener);
  }

  /** {@code asyncContext.addListener(listener)}. */
  void addListener(Object asyncContext, Object listener) throws Throwable {
    addListener.invokeExact(asyncContext, listener);
  }

  Throwable eventThrowable(Object asyncEvent) throws Throwable {
    return (Throwable) eventThrowable.invokeExact(asyncEvent);
  }

  Object eventAsyncContext(Object asyncEvent) throws Throwable {
    return (Object) eventAsyncContext.invokeExact(asyncEvent);
  }

  /** Whether the throwable is this API's {@code ServletException}. */
  boolean isServletException(Throwable t) {
    return t.getClass().getName().equals(servletExceptionName);
  }
}
