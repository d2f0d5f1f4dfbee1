/**
 * Helpers shared by the services' tests: {@link org.mmlab.testsupport.WsConnection}, a WebSocket
 * client that queues what it receives, and {@link org.mmlab.testsupport.TcpProxy}, a loopback proxy
 * that cuts connections on demand. Only ever a test-scoped dependency.
 */
package org.mmlab.testsupport;
