// Request bodies: JSON only (415 otherwise), parsed with a size limit (413 past it). Metadata
// publishing routes get a larger limit than record writes, as they carry whole bundles.
import { UnsupportedMediaTypeError } from '@stagecraft/core';
import express, { type RequestHandler } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];

export interface JsonBodyOptions {
  limit: string;
  /** Allows requests without a body (they read as {}). */
  isOptional?: boolean;
}

export function jsonBody(options: JsonBodyOptions): RequestHandler[] {
  const requireJson: RequestHandler = (request, _response, next) => {
    const contentType = request.is(JSON_TYPES);
    const isEmpty = contentType === null || (request.headers['content-type'] === undefined && request.headers['content-length'] === '0');
    if (isEmpty && options.isOptional) {
      request.body = {};
      next();
      return;
    }
    if (!contentType) {
      next(new UnsupportedMediaTypeError(`Send the body as JSON (Content-Type: application/json), not ${request.headers['content-type'] ?? 'without a content type'}`));
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit: options.limit, type: JSON_TYPES, strict: true })];
}
