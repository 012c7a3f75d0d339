package org.zged.web;

/**
 * One JSON endpoint: turns a request into a reply object that the server serialises. Throwing
 * {@link ApiException} (or {@link org.zged.InputException}) gives HTTP 400 with the message.
 */
@FunctionalInterface
public interface ApiRoute {
  Object handle(ApiRequest request) throws Exception;
}
