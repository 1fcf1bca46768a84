/**
 * Method handles through which hooks read objects of library types they cannot name: the hooks are
 * on the bootstrap class path, while the libraries live in the application's class loaders or in
 * platform modules. Pure Java; depends on nothing but {@code java.base}.
 */
package io.weft.instrumentations.handles;
