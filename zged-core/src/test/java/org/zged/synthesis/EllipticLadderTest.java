package org.zged.synthesis;

import org.zged.filter.Response;

class EllipticLadderTest extends LadderGeneralChecks {
  @Override
  Response response() {
    return Response.ELLIPTIC;
  }
}
