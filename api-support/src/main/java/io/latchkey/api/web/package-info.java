/**
 * What every Latchkey server's HTTP front door shares: the text rules of Spring Security's
 * firewall, decided without regular expressions.
 */
package io.latchkey.api.web;
