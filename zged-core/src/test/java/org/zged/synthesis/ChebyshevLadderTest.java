package org.zged.synthesis;

import org.zged.filter.Response;

class ChebyshevLadderTest extends LadderGeneralChecks {
  @Override
  Response response() {
    return Response.CHEBYSHEV;
  }
}
