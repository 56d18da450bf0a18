/** How the JSON API answers: RFC 9457 problem details for every error, and a body size limit. */
package io.latchkey.resourceapi.web;
